package org.leverans.web.problem;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers 401 and 403 from the security filters as problems like every other error. It runs before Spring MVC, so
 * it writes the body itself; the bearer-token handlers set the {@code WWW-Authenticate} header RFC 6750 asks for.
 * A URL the firewall refuses (an encoded NUL, {@code //}, a control character) is a 400 problem the same way.
 */
public class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

	static final String UNAUTHORIZED_DETAIL = "A valid bearer token is required.";

	static final String FORBIDDEN_DETAIL = "Your role does not allow this.";

	private final AuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	private final AccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

	private final JsonMapper json;

	public SecurityProblems(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException, ServletException {
		this.bearer.commence(request, response, failure);
		write(request, response, ApiProblem.of(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized",
				UNAUTHORIZED_DETAIL));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		this.bearerDenied.handle(request, response, denied);
		write(request, response, ApiProblem.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
				FORBIDDEN_DETAIL));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
			throws IOException {
		ProblemDetail problem = ApiProblem.invalid("url", FieldProblem.INVALID_VALUE,
				"The URL holds characters or sequences that are not allowed (e.g. NUL, a control character, //).")
			.getBody();
		write(request, response, problem);
	}

	private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		try {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		catch (IllegalArgumentException ex) {
			// a rejected URL may not even parse as a URI; the problem is answered without it
		}
		ProblemDefaults.withTraceId(problem);
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}
}

package org.leverans.gateway.security;

import reactor.core.publisher.Mono;

import org.leverans.gateway.problem.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/** 401 and 403 for API callers, as problem details (an API client cannot follow a redirect to a sign-in page). */
@Component
class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	private final ProblemResponses problems;

	SecurityProblems(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
		HttpHeaders headers = exchange.getResponse().getHeaders();
		if (failure instanceof OAuth2AuthenticationException) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			return this.problems.write(exchange, HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid bearer token",
					"The bearer token was not accepted: " + failure.getMessage());
		}
		headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return this.problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
				"Send an access token from the Leverans auth-server (Authorization: Bearer ...) or sign in.");
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		if (denied instanceof CsrfException) {
			return this.problems.write(exchange, HttpStatus.FORBIDDEN, "csrf", "Missing or invalid CSRF token",
					"A signed-in browser must send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header "
							+ "(or the _csrf form field) with this request.");
		}
		return this.problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Access denied",
				"You are signed in but may not do this.");
	}

}

package org.leverans.web.problem;

import java.net.URI;
import java.time.Duration;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen outside Spring MVC (in the filters or the container) reach {@code /error}; they are answered
 * as problems like every other error, never as Spring's default body. A token that cannot be checked because the
 * auth-server's keys cannot be fetched is the service's trouble, not the caller's: 503, so the client retries.
 */
@RestController
public class ProblemErrorController implements ErrorController {

	private final Duration retryAfter;

	public ProblemErrorController(Duration retryAfter) {
		this.retryAfter = retryAfter;
	}

	@RequestMapping(path = "${server.error.path:${error.path:/error}}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		String detail = null;
		if (exception instanceof Throwable failure && UndecodableQuery.causes(failure)) {
			ProblemDetail invalid = UndecodableQuery.problem().getBody();
			Object invalidUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
			if (invalidUri != null) {
				invalid.setInstance(URI.create(String.valueOf(invalidUri)));
			}
			return ResponseEntity.badRequest()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(ProblemDefaults.complete(invalid));
		}
		if (causedBy(exception, AuthenticationServiceException.class)) {
			status = HttpStatus.SERVICE_UNAVAILABLE;
			detail = "Access tokens cannot be verified right now; try again shortly.";
		}
		else if (exception instanceof Throwable failure && DatabaseAway.causes(failure)) {
			status = HttpStatus.SERVICE_UNAVAILABLE;
			detail = "The service cannot reach its database right now; try again shortly.";
		}
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setDetail((detail != null) ? detail
				: status.is5xxServerError() ? "Something went wrong on our side." : status.getReasonPhrase());
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null) {
			problem.setInstance(URI.create(String.valueOf(uri)));
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, this.retryAfter.toSeconds())));
		}
		return response.body(ProblemDefaults.complete(problem));
	}

	private static boolean causedBy(Object exception, Class<? extends Throwable> type) {
		for (Throwable current = (exception instanceof Throwable throwable) ? throwable : null; current != null;
				current = current.getCause()) {
			if (type.isInstance(current)) {
				return true;
			}
		}
		return false;
	}
}

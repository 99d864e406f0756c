package org.leverans.notification.security;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The refusals controllers answer themselves, built one way: RFC 9457 problem details with a
 * {@code urn:leverans:problem:<kind>} type and, for bad input, an {@code errors} array of
 * {@code {"field", "code", "message"}}.
 */
public final class ApiProblems {

	private ApiProblems() {
	}

	/**
	 * @param title left out when {@code null}
	 * @param errors left out when {@code null}
	 */
	public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String kind, String title, String detail,
			List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:leverans:problem:" + kind));
		if (title != null) {
			problem.setTitle(title);
		}
		if (errors != null) {
			problem.setProperty("errors", List.copyOf(errors));
		}
		return ResponseEntity.status(status).body(problem);
	}

	public static Map<String, String> fieldError(String field, String code, String message) {
		return Map.of("field", field, "code", code, "message", message);
	}
}

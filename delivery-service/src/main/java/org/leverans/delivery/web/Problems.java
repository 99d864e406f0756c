package org.leverans.delivery.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds RFC 9457 problem details the same way for controllers and for the security filters. */
@Component
public class Problems {

	private static final String TYPE_BASE = "urn:leverans:problem:";

	private final JsonMapper json;

	Problems(JsonMapper json) {
		this.json = json;
	}

	public static ProblemDetail of(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + slug(status)));
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

	/** A validation problem with an {@code errors} array of {@code {"field", "code", "message"}}. */
	public static ProblemDetail invalid(String detail, List<Map<String, Object>> errors) {
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, detail);
		problem.setType(URI.create(TYPE_BASE + "validation"));
		problem.setProperty("errors", errors);
		return problem;
	}

	public static Map<String, Object> fieldError(String field, String code, String message) {
		return Map.of("field", field, "code", code, "message", message);
	}

	public void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(this.json.writeValueAsBytes(of(status, detail)));
	}

	private static String slug(HttpStatus status) {
		return status.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
	}
}

package org.leverans.order.problems;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A refusal the caller can act on, answered as RFC 9457 problem details. */
public class ApiProblem extends RuntimeException {

	private static final String TYPE_BASE = "urn:leverans:problem:";

	private final HttpStatus status;

	private final String type;

	private final String title;

	private final List<FieldProblem> errors;

	public ApiProblem(HttpStatus status, String type, String title, String detail, List<FieldProblem> errors) {
		super(detail);
		this.status = status;
		this.type = type;
		this.title = title;
		this.errors = List.copyOf(errors);
	}

	public static ApiProblem notFound(String what) {
		return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist.", List.of());
	}

	public static ApiProblem invalid(List<FieldProblem> errors) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
				"The request has " + errors.size() + " problem(s); see errors.", errors);
	}

	public static ApiProblem conflict(String type, String title, String detail) {
		return new ApiProblem(HttpStatus.CONFLICT, type, title, detail, List.of());
	}

	public static ApiProblem forbidden(String detail) {
		return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, List.of());
	}

	public HttpStatus status() {
		return this.status;
	}

	public ProblemDetail toProblemDetail() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(this.status, getMessage());
		problem.setType(URI.create(TYPE_BASE + this.type));
		problem.setTitle(this.title);
		if (!this.errors.isEmpty()) {
			problem.setProperty("errors", this.errors);
		}
		return problem;
	}

	static URI type(String name) {
		return URI.create(TYPE_BASE + name);
	}
}

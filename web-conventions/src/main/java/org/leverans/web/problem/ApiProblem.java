package org.leverans.web.problem;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal the caller can act on. Thrown anywhere below a controller, it leaves as an RFC 9457 problem with a
 * {@link ProblemTypes type} and, for bad input, the {@link FieldProblem errors} to fix.
 */
public class ApiProblem extends ErrorResponseException {

	private final List<FieldProblem> errors;

	public ApiProblem(HttpStatusCode status, String kind, String title, String detail, List<FieldProblem> errors) {
		super(status, body(status, kind, title, detail, errors), null);
		this.errors = List.copyOf(errors);
	}

	public ApiProblem(HttpStatusCode status, String kind, String title, String detail) {
		this(status, kind, title, detail, List.of());
	}

	/** Something that does not exist, or that the caller may not know exists: from outside the two look the same. */
	public static ApiProblem notFound(String detail) {
		return new ApiProblem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", detail);
	}

	public static ApiProblem forbidden(String detail) {
		return new ApiProblem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", detail);
	}

	public static ApiProblem invalid(List<FieldProblem> errors) {
		return invalid("The request has " + errors.size() + " problem(s); see errors.", errors);
	}

	public static ApiProblem invalid(String detail, List<FieldProblem> errors) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request", detail, errors);
	}

	public static ApiProblem invalid(String field, String code, String message) {
		return invalid(message, List.of(FieldProblem.field(field, code, message)));
	}

	/** A request that is well-formed but clashes with what is stored, e.g. cancelling a shipped order. */
	public static ApiProblem conflict(String kind, String title, String detail) {
		return new ApiProblem(HttpStatus.CONFLICT, kind, title, detail);
	}

	/** A conflict with what is stored, naming the fields concerned. */
	public static ApiProblem conflict(String detail, List<FieldProblem> errors) {
		return new ApiProblem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", detail, errors);
	}

	public static ApiProblem tooLarge(String detail) {
		return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.CONTENT_TOO_LARGE, "Content too large",
				detail);
	}

	/** Our trouble, not the caller's: the same request may well succeed after {@code retryAfter}. */
	public static ApiProblem unavailable(String detail, Duration retryAfter) {
		ApiProblem problem = new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
				"Service unavailable", detail);
		problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
		return problem;
	}

	/** Adds a property a client may use (e.g. the current state of what was refused). */
	public ApiProblem with(String property, Object value) {
		getBody().setProperty(property, value);
		return this;
	}

	public List<FieldProblem> errors() {
		return this.errors;
	}

	@Override
	public String getMessage() {
		return getStatusCode().value() + " " + getBody().getType() + ": " + getBody().getDetail();
	}

	/** The body alone, for code that writes a problem outside Spring MVC. */
	public static ProblemDetail of(HttpStatusCode status, String kind, String title, String detail) {
		return body(status, kind, title, detail, List.of());
	}

	private static ProblemDetail body(HttpStatusCode status, String kind, String title, String detail,
			List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.uri(kind));
		problem.setTitle(title);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", List.copyOf(errors));
		}
		return problem;
	}
}

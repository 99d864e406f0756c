package org.leverans.agreement.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem details; bad input says which field is wrong in an {@code errors} array of
 * {@code {"field", "code", "message"}}.
 */
@RestControllerAdvice
public class Problems extends ResponseEntityExceptionHandler {

	public static final URI INVALID_REQUEST = URI.create("urn:leverans:problem:invalid-request");

	public static final URI NOT_FOUND = URI.create("urn:leverans:problem:not-found");

	public static final URI FORBIDDEN = URI.create("urn:leverans:problem:forbidden");

	public static final URI UNAUTHORIZED = URI.create("urn:leverans:problem:unauthorized");

	public static final URI CONFLICT = URI.create("urn:leverans:problem:conflict");

	/** Something the caller may not see, or that does not exist: the two look the same from outside. */
	public static class NotFound extends ErrorResponseException {

		public NotFound(String detail) {
			super(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", detail), null);
		}
	}

	public static class Forbidden extends ErrorResponseException {

		public Forbidden(String detail) {
			super(HttpStatus.FORBIDDEN, problem(HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", detail), null);
		}
	}

	/** A request that is well-formed but refused by a business rule; {@code errors} say why. */
	public static class Invalid extends ErrorResponseException {

		public Invalid(HttpStatus status, String detail, List<Map<String, String>> errors) {
			super(status, withErrors(problem(status, (status == HttpStatus.CONFLICT) ? CONFLICT : INVALID_REQUEST,
					(status == HttpStatus.CONFLICT) ? "Conflict" : "Invalid request", detail), errors), null);
		}
	}

	public static ProblemDetail problem(HttpStatusCode status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

	public static Map<String, String> fieldError(String field, String code, String message) {
		return Map.of("field", field, "code", code, "message", message);
	}

	/** Two requests raced for the same unique value; the loser is told, nothing half-done is stored. */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> conflict(DataIntegrityViolationException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(problem(HttpStatus.CONFLICT, CONFLICT, "Conflict", "The change conflicts with existing data"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(fieldError(error.getField(), code(error.getCode()), String.valueOf(error.getDefaultMessage())));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(error -> errors.add(fieldError(error.getObjectName(), code(error.getCode()),
					String.valueOf(error.getDefaultMessage()))));
		return invalid("The request has invalid fields", errors, headers);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			String name = result.getMethodParameter().getParameterName();
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				String field = (error instanceof FieldError fieldError) ? fieldError.getField() : name;
				String[] codes = error.getCodes();
				errors.add(fieldError(String.valueOf(field),
						code((codes != null && codes.length > 0) ? codes[codes.length - 1] : null),
						String.valueOf(error.getDefaultMessage())));
			}
		});
		return invalid("The request has invalid parameters", errors, headers);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: String.valueOf(ex.getPropertyName());
		return invalid("Parameter " + field + " has the wrong type",
				List.of(fieldError(field, "TYPE_MISMATCH", "Not a valid value: " + ex.getValue())), headers);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid("Parameter " + ex.getParameterName() + " is missing",
				List.of(fieldError(ex.getParameterName(), "REQUIRED", "Required")), headers);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = "body";
		String code = "MALFORMED";
		String message = "The request body is not valid JSON";
		// The outermost Jackson exception carries the path; its own cause may be e.g. a DateTimeParseException.
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
				field = path(jackson);
				code = (cause instanceof UnrecognizedPropertyException) ? "UNKNOWN_FIELD" : "INVALID_VALUE";
				message = (cause instanceof UnrecognizedPropertyException) ? "Unknown field" : "Not a valid value";
				break;
			}
		}
		return invalid("The request body could not be read", List.of(fieldError(field, code, message)), headers);
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		ex.getPath().forEach(reference -> {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		});
		return path.isEmpty() ? "body" : path.toString();
	}

	private static ResponseEntity<Object> invalid(String detail, List<Map<String, String>> errors,
			HttpHeaders headers) {
		ProblemDetail problem = withErrors(problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request", detail),
				errors);
		return ResponseEntity.badRequest().headers(headers).body(problem);
	}

	private static ProblemDetail withErrors(ProblemDetail problem, List<Map<String, String>> errors) {
		problem.setProperty("errors", errors);
		return problem;
	}

	private static String code(String constraint) {
		if (constraint == null) {
			return "INVALID";
		}
		return switch (constraint) {
			case "NotNull", "NotBlank", "NotEmpty" -> "REQUIRED";
			case "Min", "Max", "Positive", "PositiveOrZero", "DecimalMin", "DecimalMax" -> "OUT_OF_RANGE";
			case "Size" -> "SIZE";
			case "Pattern" -> "PATTERN";
			default -> constraint.toUpperCase(Locale.ROOT);
		};
	}
}

package org.leverans.web.problem;

import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.leverans.web.input.TextRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a controller raises leaves as {@code application/problem+json} with a Leverans type; bad input names
 * each field it concerns, so a client (or an ERP integration) can show or log exactly what to fix. A database that
 * is away is answered {@code 503} with {@code Retry-After} at once, so that clients retry rather than give up.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemHandling.class);

	private final Duration retryAfter;

	public ProblemHandling(Duration retryAfter) {
		this.retryAfter = retryAfter;
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
		List<FieldProblem> errors = ex.getConstraintViolations()
			.stream()
			.map(violation -> FieldProblem.field(violation.getPropertyPath().toString(), FieldProblem.codeOf(violation),
					violation.getMessage()))
			.toList();
		return problem(ApiProblem.invalid(errors), request);
	}

	/** Two requests raced for the same unique value: the loser is told, and nothing half-done is stored. */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> conflict(DataIntegrityViolationException ex, WebRequest request) {
		logger.info("Refused a change that conflicts with stored data: {}", ex.getMostSpecificCause().getMessage());
		return problem(ApiProblem.conflict(ProblemTypes.CONFLICT, "Conflict", "The change conflicts with existing data."),
				request);
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			CannotCreateTransactionException.class, SQLTransientException.class })
	ResponseEntity<Object> databaseAway(Exception ex, WebRequest request) {
		logger.warn("Answering 503: the database is not reachable right now ({})", ex.getMessage());
		return problem(ApiProblem.unavailable("The service cannot reach its database right now; try again shortly.",
				this.retryAfter), request);
	}

	/** Method security denies inside the handler, after the filter chain; the answer is the same 403. */
	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> accessDenied(AccessDeniedException ex, WebRequest request) {
		return problem(ApiProblem.forbidden(SecurityProblems.FORBIDDEN_DETAIL), request);
	}

	/**
	 * The firewall checks a header when something reads it, which may be the handler (an {@code Idempotency-Key}):
	 * a header holding a control character is the client's mistake, answered like a refused URL. The value is not
	 * echoed.
	 */
	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<Object> rejected(RequestRejectedException ex, WebRequest request) {
		// not the message: it quotes the header, which may be a credential
		logger.info("Refused a request with a header the firewall does not allow");
		return problem(ApiProblem.invalid("headers", FieldProblem.INVALID_VALUE,
				"A header holds a control character or a character Unicode does not assign."), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		if (DatabaseAway.causes(ex)) {
			// e.g. a commit that failed because the connection was lost: the database, not the request, is at fault
			return databaseAway(ex, request);
		}
		if (UndecodableQuery.causes(ex)) {
			return problem(UndecodableQuery.problem(), request);
		}
		logger.error("Unexpected failure", ex);
		return problem(new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR, "Internal error",
				"Something went wrong on our side."), request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		for (ObjectError error : ex.getBindingResult().getAllErrors()) {
			String field = (error instanceof FieldError fieldError) ? fieldError.getField() : error.getObjectName();
			errors.add(FieldProblem.field(field, code(error), message(error)));
		}
		return problem(ApiProblem.invalid(errors), request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			String name = result.getMethodParameter().getParameterName();
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				String field = (error instanceof FieldError fieldError) ? fieldError.getField() : name;
				String[] codes = error.getCodes();
				String constraint = (codes != null && codes.length > 0) ? codes[codes.length - 1] : null;
				errors.add(FieldProblem.field(String.valueOf(field), FieldProblem.codeOf(constraint), message(error)));
			}
		});
		return problem(ApiProblem.invalid(errors), request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (ex instanceof MethodArgumentTypeMismatchException mismatch
				&& mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
			// An id that cannot exist is simply not found, like any other unknown id.
			return problem(ApiProblem.notFound("'" + ex.getValue() + "' does not exist."), request);
		}
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: String.valueOf(ex.getPropertyName());
		return problem(ApiProblem.invalid(name, FieldProblem.INVALID_VALUE,
				"'" + ex.getValue() + "' is not a valid value for " + name + "."), request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(ApiProblem.invalid(ex.getParameterName(), FieldProblem.REQUIRED,
				"The query parameter " + ex.getParameterName() + " is required."), request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		FieldProblem error = describe(ex);
		return problem(ApiProblem.invalid("The request body could not be read; see errors.", List.of(error)), request);
	}

	/** Spring MVC's own problems (405, 406, 415, …) get a Leverans type and title instead of {@code about:blank}. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			ProblemDefaults.complete(problem);
		}
		return response;
	}

	private ResponseEntity<Object> problem(ApiProblem problem, WebRequest request) {
		return handleExceptionInternal(problem, problem.getBody(), problem.getHeaders(), problem.getStatusCode(),
				request);
	}

	private static String code(ObjectError error) {
		if (error.contains(ConstraintViolation.class)) {
			return FieldProblem.codeOf(error.unwrap(ConstraintViolation.class));
		}
		return FieldProblem.codeOf(error.getCode());
	}

	private static String message(MessageSourceResolvable error) {
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is not valid";
	}

	private static FieldProblem describe(HttpMessageNotReadableException ex) {
		// The outermost Jackson exception carries the path; its own cause may be e.g. a DateTimeParseException.
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof UnrecognizedPropertyException unknown) {
				String path = JsonPaths.of(unknown);
				if (!path.endsWith(unknown.getPropertyName())) {
					path = path.isEmpty() ? unknown.getPropertyName() : path + "." + unknown.getPropertyName();
				}
				return FieldProblem.field(path, FieldProblem.UNKNOWN_FIELD,
						"'" + unknown.getPropertyName() + "' is not a field here.");
			}
			if (cause instanceof TextRejectedException rejected) {
				return FieldProblem.field(JsonPaths.of(rejected), rejected.code(), rejected.reason());
			}
			if (cause instanceof InvalidFormatException invalid) {
				return FieldProblem.field(JsonPaths.of(invalid), FieldProblem.INVALID_VALUE,
						"'" + invalid.getValue() + "' is not " + describe(invalid.getTargetType()) + ".");
			}
			if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
				return FieldProblem.field(JsonPaths.of(mismatched), FieldProblem.INVALID_VALUE,
						"Expected " + describe(mismatched.getTargetType()) + " here.");
			}
			if (cause instanceof MismatchedInputException mismatched) {
				return FieldProblem.field("body", FieldProblem.INVALID_VALUE,
						"Expected " + describe(mismatched.getTargetType()) + " as the body.");
			}
			if (cause instanceof StreamReadException malformed && malformed.getLocation() != null) {
				return FieldProblem.line(Math.max(1, malformed.getLocation().getLineNr()), FieldProblem.MALFORMED_JSON,
						"The body is not valid JSON: " + malformed.getOriginalMessage());
			}
			if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
				return FieldProblem.field(JsonPaths.of(jackson), FieldProblem.INVALID_VALUE,
						jackson.getOriginalMessage());
			}
		}
		return FieldProblem.field("body", FieldProblem.REQUIRED, "A JSON body is required.");
	}

	private static String describe(Class<?> type) {
		if (type == null) {
			return "a valid value";
		}
		if (type.isEnum()) {
			List<String> names = new ArrayList<>();
			for (Object constant : type.getEnumConstants()) {
				names.add(constant.toString());
			}
			return "one of " + String.join(", ", names);
		}
		if (type == String.class) {
			return "a string";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class) {
			return "a whole number";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return "a number";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return "a JSON array";
		}
		if (type.getPackageName().startsWith("java.")) {
			return "a valid " + type.getSimpleName();
		}
		return "a JSON object";
	}
}

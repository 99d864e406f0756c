package org.leverans.order.problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as {@code application/problem+json}; bad input names the field it concerns, so a client (or an ERP
 * integration) can show or log exactly what to fix.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
		return ResponseEntity.status(problem.status()).body(problem.toProblemDetail());
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		List<FieldProblem> errors = ex.getConstraintViolations()
			.stream()
			.map(v -> FieldProblem.field(v.getPropertyPath().toString(),
					FieldProblem.codeOf(v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()),
					v.getMessage()))
			.toList();
		return apiProblem(ApiProblem.invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		for (ObjectError error : ex.getBindingResult().getAllErrors()) {
			String field = (error instanceof FieldError fieldError) ? fieldError.getField() : error.getObjectName();
			errors.add(FieldProblem.field(field, FieldProblem.codeOf(error.getCode()), error.getDefaultMessage()));
		}
		return invalid(errors);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(List.of(describe(ex)));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		if (ex instanceof MethodArgumentTypeMismatchException mismatch
				&& mismatch.getParameter().hasParameterAnnotation(
						org.springframework.web.bind.annotation.PathVariable.class)) {
			// An id that cannot exist is simply not found, like any other unknown id.
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiProblem.notFound("The resource").toProblemDetail());
		}
		return invalid(List.of(FieldProblem.field(name, "INVALID_VALUE",
				"'" + ex.getValue() + "' is not a valid value for " + name + ".")));
	}

	private static ResponseEntity<Object> invalid(List<FieldProblem> errors) {
		return ResponseEntity.badRequest().body(ApiProblem.invalid(errors).toProblemDetail());
	}

	private static FieldProblem describe(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			String path = pathOf(unknown);
			if (!path.endsWith(unknown.getPropertyName())) {
				path = path.isEmpty() ? unknown.getPropertyName() : path + "." + unknown.getPropertyName();
			}
			return FieldProblem.field(path, "UNKNOWN_FIELD", "'" + unknown.getPropertyName() + "' is not a field here.");
		}
		if (cause instanceof InvalidFormatException invalid) {
			return FieldProblem.field(pathOf(invalid), "INVALID_VALUE",
					"'" + invalid.getValue() + "' is not a valid " + simpleName(invalid.getTargetType()) + ".");
		}
		if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
			return FieldProblem.field(pathOf(mismatched), "INVALID_VALUE",
					"Expected " + simpleName(mismatched.getTargetType()) + " here.");
		}
		if (cause instanceof StreamReadException malformed && malformed.getLocation() != null) {
			return FieldProblem.line(Math.max(1, malformed.getLocation().getLineNr()), "MALFORMED_JSON",
					"The body is not valid JSON: " + malformed.getOriginalMessage());
		}
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			return FieldProblem.field(pathOf(jackson), "INVALID_VALUE", jackson.getOriginalMessage());
		}
		return FieldProblem.field("body", "REQUIRED", "A JSON body is required.");
	}

	/** {@code lines[0].quantity} from Jackson's reference chain. */
	static String pathOf(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String simpleName(Class<?> type) {
		if (type == null) {
			return "value";
		}
		if (type.isEnum()) {
			List<String> names = new ArrayList<>();
			for (Object constant : type.getEnumConstants()) {
				names.add(constant.toString());
			}
			return "value (one of " + String.join(", ", names) + ")";
		}
		return type.getSimpleName().toLowerCase(Locale.ROOT);
	}
}

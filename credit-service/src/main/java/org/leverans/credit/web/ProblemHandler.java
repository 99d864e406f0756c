package org.leverans.credit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
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
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem with a {@code type}; bad input names the offending field in {@code errors}.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemHandler.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(Problems.fieldError(error.getField(), code(error.getCode()),
					(error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid"));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(error -> errors.add(Problems.fieldError(error.getObjectName(), code(error.getCode()),
					String.valueOf(error.getDefaultMessage()))));
		return invalid("The request has invalid fields", errors, headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
			String field = path(json);
			if (json instanceof UnrecognizedPropertyException) {
				return invalid("The request has an unknown field: " + field,
						Problems.single(field, "UNKNOWN_FIELD", "is not a known field"), headers, request);
			}
			if (json instanceof InvalidFormatException || json instanceof MismatchedInputException) {
				return invalid("The request has a field of the wrong type or format: " + field,
						Problems.single(field, "INVALID_VALUE", "has the wrong type or format"), headers, request);
			}
			return invalid("The request body cannot be read at " + field,
					Problems.single(field, "INVALID_VALUE", "cannot be read"), headers, request);
		}
		return invalid("The request body is missing or is not valid JSON",
				Problems.single("body", "MALFORMED_JSON", "is missing or not valid JSON"), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: String.valueOf(ex.getPropertyName());
		return invalid("Parameter " + field + " has the wrong format",
				Problems.single(field, "INVALID_VALUE", "has the wrong format"), headers, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			problem.setType(Problems.type(Problems.kindOf(statusCode)));
		}
		return response;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		logger.error("Unexpected failure", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side");
		problem.setType(Problems.type("internal-error"));
		problem.setTitle("Internal error");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	private ResponseEntity<Object> invalid(String detail, List<Map<String, String>> errors, HttpHeaders headers,
			WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(Problems.type("invalid-request"));
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(new IllegalArgumentException(detail), problem, headers, HttpStatus.BAD_REQUEST,
				request);
	}

	private static String path(JacksonException json) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : json.getPath()) {
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

	/** Bean Validation constraint names as error codes: NotNull → NOT_NULL. */
	private static String code(String constraint) {
		if (constraint == null) {
			return "INVALID";
		}
		return constraint.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
	}
}

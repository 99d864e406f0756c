package org.leverans.delivery.web;

import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error a controller raises leaves as application/problem+json, naming the offending field where there is one. */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(BadRequestException.class)
	ProblemDetail badRequest(BadRequestException ex) {
		return Problems.invalid(ex.getMessage(), ex.errors());
	}

	@ExceptionHandler(PayloadTooLargeException.class)
	ProblemDetail tooLarge(PayloadTooLargeException ex) {
		return Problems.of(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = fieldOf(ex);
		String message = (field != null) ? "The request body has an unreadable or unknown field: " + field
				: "The request body is not valid JSON.";
		ProblemDetail problem = Problems.invalid(message,
				List.of(Problems.fieldError((field != null) ? field : "body", "UNREADABLE", message)));
		return ResponseEntity.badRequest().headers(headers).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		String message = "'" + ex.getValue() + "' is not a valid value for " + field + ".";
		return ResponseEntity.badRequest()
			.headers(headers)
			.body(Problems.invalid(message, List.of(Problems.fieldError(field, "INVALID", message))));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String message = "The query parameter " + ex.getParameterName() + " is required.";
		return ResponseEntity.badRequest()
			.headers(headers)
			.body(Problems.invalid(message, List.of(Problems.fieldError(ex.getParameterName(), "REQUIRED", message))));
	}

	private static String fieldOf(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			return jackson.getPath()
				.stream()
				.map(ref -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
		}
		return null;
	}
}

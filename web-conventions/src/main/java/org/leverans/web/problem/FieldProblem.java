package org.leverans.web.problem;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.ConstraintViolation;

/**
 * One thing wrong with a request, an entry of an invalid-request problem's {@code errors}: the field path (e.g.
 * {@code lines[0].quantity}) or, for text that is not JSON at all, the line in it; a stable code a client can
 * branch on; and a message a person can read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldProblem(String field, Integer line, String code, String message) {

	public static final String REQUIRED = "REQUIRED";

	public static final String TOO_SMALL = "TOO_SMALL";

	public static final String TOO_LARGE = "TOO_LARGE";

	public static final String INVALID_SIZE = "INVALID_SIZE";

	public static final String INVALID_FORMAT = "INVALID_FORMAT";

	public static final String INVALID_VALUE = "INVALID_VALUE";

	public static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";

	/** Text with a control character its field does not allow ({@link org.leverans.web.input.Text}). */
	public static final String CONTROL_CHARACTER = "CONTROL_CHARACTER";

	public static final String MALFORMED_JSON = "MALFORMED_JSON";

	public static FieldProblem field(String field, String code, String message) {
		return new FieldProblem(field, null, code, message);
	}

	public static FieldProblem line(int line, String code, String message) {
		return new FieldProblem(null, line, code, message);
	}

	/**
	 * The code of a Bean Validation failure: a service's own constraint may name it with a {@code String code()}
	 * attribute; otherwise the constraint's name decides, as in {@link #codeOf(String)}.
	 */
	public static String codeOf(ConstraintViolation<?> violation) {
		if (violation.getConstraintDescriptor().getAttributes().get("code") instanceof String code && !code.isBlank()) {
			return code;
		}
		return codeOf(violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName());
	}

	/** Bean Validation constraint names to the stable codes above; a service's own constraint keeps its name. */
	public static String codeOf(String constraint) {
		if (constraint == null) {
			return INVALID_VALUE;
		}
		return switch (constraint) {
			case "NotNull", "NotBlank", "NotEmpty" -> REQUIRED;
			case "Min", "Positive", "PositiveOrZero", "DecimalMin" -> TOO_SMALL;
			case "Max", "Negative", "NegativeOrZero", "DecimalMax" -> TOO_LARGE;
			case "Size" -> INVALID_SIZE;
			case "Pattern", "Email", "Digits" -> INVALID_FORMAT;
			default -> constraint.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
		};
	}
}

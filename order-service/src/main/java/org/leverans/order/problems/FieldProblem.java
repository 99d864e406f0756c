package org.leverans.order.problems;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a request: the JSON field path (e.g. {@code lines[0].quantity}) or, for text that is not
 * JSON at all, the line in it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldProblem(String field, Integer line, String code, String message) {

	public static FieldProblem field(String field, String code, String message) {
		return new FieldProblem(field, null, code, message);
	}

	public static FieldProblem line(int line, String code, String message) {
		return new FieldProblem(null, line, code, message);
	}

	/** Bean Validation constraint names to stable, client-facing codes. */
	public static String codeOf(String constraint) {
		if (constraint == null) {
			return "INVALID";
		}
		return switch (constraint) {
			case "NotNull", "NotBlank", "NotEmpty" -> "REQUIRED";
			case "Min", "Positive", "PositiveOrZero", "DecimalMin" -> "TOO_SMALL";
			case "Max", "DecimalMax" -> "TOO_LARGE";
			case "Size" -> "INVALID_SIZE";
			case "Pattern" -> "INVALID_FORMAT";
			case "SlotInOrder" -> "SLOT_NOT_IN_ORDER";
			default -> constraint.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
		};
	}
}

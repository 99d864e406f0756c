package org.leverans.web.input;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A string in a request body that breaks the {@link Text} rule. Jackson adds the field's path on the way out, so
 * the problem names it like every other bad field.
 */
public class TextRejectedException extends MismatchedInputException {

	private final String code;

	private final String reason;

	TextRejectedException(JsonParser parser, String code, String reason) {
		super(parser, reason, String.class);
		this.code = code;
		this.reason = reason;
	}

	/** A {@code FieldProblem} code: {@code INVALID_SIZE} or {@code CONTROL_CHARACTER}. */
	public String code() {
		return this.code;
	}

	public String reason() {
		return this.reason;
	}
}

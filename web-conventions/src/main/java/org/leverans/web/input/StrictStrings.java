package org.leverans.web.input;

import jakarta.validation.constraints.Size;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads every string of a request body by the {@link Text} rule: only a JSON string is a string (a number or a
 * boolean is refused, never turned into text), bounded by the field's {@code @Size(max)} or the default, and free
 * of control characters unless the field is {@link MultilineText}.
 */
public final class StrictStrings extends ValueDeserializer<String> {

	/** Field codes, as in {@code FieldProblem}. */
	static final String INVALID_SIZE = "INVALID_SIZE";

	static final String CONTROL_CHARACTER = "CONTROL_CHARACTER";

	private final int maxLength;

	private final boolean multiline;

	public StrictStrings() {
		this(Text.DEFAULT_MAX_LENGTH, false);
	}

	private StrictStrings(int maxLength, boolean multiline) {
		this.maxLength = maxLength;
		this.multiline = multiline;
	}

	@Override
	public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
		if (property == null) {
			return this;
		}
		int max = Text.DEFAULT_MAX_LENGTH;
		Size size = property.getAnnotation(Size.class);
		// On a list of strings @Size counts elements, not characters.
		if (size != null && property.getType().hasRawClass(String.class)) {
			max = size.max();
		}
		return new StrictStrings(max, property.getAnnotation(MultilineText.class) != null);
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		if (!parser.hasToken(JsonToken.VALUE_STRING)) {
			return (String) context.handleUnexpectedToken(String.class, parser);
		}
		String value = parser.getString();
		check(parser, value, this.maxLength, this.multiline);
		return value;
	}

	@Override
	public LogicalType logicalType() {
		return LogicalType.Textual;
	}

	@Override
	public Class<?> handledType() {
		return String.class;
	}

	static void check(JsonParser parser, String value, int maxLength, boolean multiline) {
		String problem = Text.problem(value, multiline, maxLength);
		if (problem != null) {
			throw new TextRejectedException(parser, Text.tooLong(value, maxLength) ? INVALID_SIZE : CONTROL_CHARACTER,
					problem);
		}
	}

	/** Map keys (e.g. channel names) follow the one-line rule too. */
	public static final class Keys extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext context) {
			check(context.getParser(), key, Text.DEFAULT_MAX_LENGTH, false);
			return key;
		}
	}
}

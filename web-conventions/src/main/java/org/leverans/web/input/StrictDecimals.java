package org.leverans.web.input;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads a decimal (money, a rate, a weight) from a JSON number or from a string that is exactly a plain decimal,
 * such as {@code "336.00"}: no padding, no exponent, nothing else around it. Jackson's own reading trims a string
 * first, so {@code "\u00007.5"} would pass as 7.5.
 */
public final class StrictDecimals extends ValueDeserializer<BigDecimal> {

	private static final Pattern PLAIN = Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?");

	@Override
	public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.hasToken(JsonToken.VALUE_NUMBER_INT) || parser.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
			return parser.getDecimalValue();
		}
		if (parser.hasToken(JsonToken.VALUE_STRING)) {
			String text = parser.getString();
			if (PLAIN.matcher(text).matches()) {
				return new BigDecimal(text);
			}
			return (BigDecimal) context.handleWeirdStringValue(BigDecimal.class, text,
					"not a plain decimal such as \"336.00\"");
		}
		return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
	}

	@Override
	public LogicalType logicalType() {
		return LogicalType.Float;
	}

	@Override
	public Class<?> handledType() {
		return BigDecimal.class;
	}
}

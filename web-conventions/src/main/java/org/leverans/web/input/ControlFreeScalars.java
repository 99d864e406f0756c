package org.leverans.web.input;

import java.math.BigDecimal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Values written as strings but read as something else (a date, a time, a UUID, an enum constant) follow the
 * control-character rule of {@link Text} too: Jackson's readers trim a string before parsing it, so
 * {@code "\u00002026-12-03"} would otherwise pass as a date.
 */
public final class ControlFreeScalars extends ValueDeserializerModifier {

	@Override
	public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier description,
			ValueDeserializer<?> deserializer) {
		return guarded(deserializer.handledType()) ? new Guard(deserializer) : deserializer;
	}

	@Override
	public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, tools.jackson.databind.JavaType type,
			BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
		return new Guard(deserializer);
	}

	private static boolean guarded(Class<?> type) {
		return type != null && type != String.class && type != BigDecimal.class && !type.isPrimitive()
				&& type.getPackageName().startsWith("java.") && !type.getPackageName().startsWith("java.util")
				|| type == java.util.UUID.class;
	}

	private static final class Guard extends DelegatingDeserializer {

		Guard(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new Guard(delegate);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.hasToken(JsonToken.VALUE_STRING)) {
				StrictStrings.check(parser, parser.getString(), Text.DEFAULT_MAX_LENGTH, false);
			}
			return super.deserialize(parser, context);
		}
	}
}

package org.leverans.messaging;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads the timestamps events carry in the one form Leverans writes them, {@code 2026-12-07T05:45:31.355Z} and
 * {@code 2026-12-07}, by their fixed positions. {@code DateTimeFormatter} took about a quarter of a consumer's time
 * outside its handlers (billing-service, 2026-12-07 profile). Anything in another form, such as an offset, a leap
 * second or a year beyond 9999, is left to the JDK's parser, so what is accepted and how it reads is unchanged.
 */
final class IsoTimestamps {

	private static final int[] NANOS_PER_DIGIT = { 0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100,
			10, 1 };

	private IsoTimestamps() {
	}

	/** {@link Instant#parse} for any text, quicker for {@code uuuu-MM-ddTHH:mm:ss[.f…]Z}. */
	static Instant instant(String text) {
		Instant quick = canonicalInstant(text);
		return (quick != null) ? quick : Instant.parse(text);
	}

	/** The instant, or null when the text is not in the canonical UTC form (then the JDK's parser decides). */
	static Instant canonicalInstant(String text) {
		int length = text.length();
		if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':' || text.charAt(16) != ':') {
			return null;
		}
		LocalDate date = datePart(text);
		int hour = digits(text, 11, 13);
		int minute = digits(text, 14, 16);
		int second = digits(text, 17, 19);
		if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
			return null;
		}
		int nanos = 0;
		if (length > 20) {
			int fractionDigits = length - 21;
			int fraction = (fractionDigits >= 1 && fractionDigits <= 9 && text.charAt(19) == '.')
					? digits(text, 20, length - 1) : -1;
			if (fraction < 0) {
				return null;
			}
			nanos = fraction * NANOS_PER_DIGIT[fractionDigits];
		}
		return Instant.ofEpochSecond(date.toEpochDay() * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
	}

	/** The date, or null when the text is not exactly {@code uuuu-MM-dd}. */
	static LocalDate canonicalDate(String text) {
		return (text.length() == 10) ? datePart(text) : null;
	}

	/** The {@code uuuu-MM-dd} the text starts with, or null; both forms begin with it. */
	private static LocalDate datePart(String text) {
		if (text.charAt(4) != '-' || text.charAt(7) != '-') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
			return null;
		}
		try {
			return LocalDate.of(year, month, day);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** The decimal number in {@code [from, to)}, or -1 if any of it is not an ASCII digit. */
	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	/** The deserializers for {@link Instant} and {@link LocalDate}, falling back to Jackson's own. */
	static SimpleModule module() {
		return new SimpleModule("leverans-iso-timestamps")
			.addDeserializer(Instant.class,
					new CanonicalFirst<>(Instant.class, IsoTimestamps::canonicalInstant, InstantDeserializer.INSTANT))
			.addDeserializer(LocalDate.class, new CanonicalFirst<>(LocalDate.class, IsoTimestamps::canonicalDate,
					LocalDateDeserializer.INSTANCE));
	}

	/** A string in the canonical form read by position, anything else (other forms, numbers) by Jackson's own. */
	private static final class CanonicalFirst<T> extends StdScalarDeserializer<T> {

		private final Function<String, T> canonical;

		private final ValueDeserializer<T> jackson;

		CanonicalFirst(Class<T> type, Function<String, T> canonical, ValueDeserializer<T> jackson) {
			super(type);
			this.canonical = canonical;
			this.jackson = jackson;
		}

		@Override
		public T deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() == JsonToken.VALUE_STRING) {
				T quick = this.canonical.apply(parser.getString());
				if (quick != null) {
					return quick;
				}
			}
			return this.jackson.deserialize(parser, context);
		}
	}
}

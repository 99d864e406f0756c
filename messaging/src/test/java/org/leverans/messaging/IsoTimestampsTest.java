package org.leverans.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoTimestampsTest {

	private final JsonMapper json = JsonMapper.builder().addModule(IsoTimestamps.module()).build();

	@Test
	void readsEveryCanonicalInstantAsTheJdkDoes() {
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < 100_000; i++) {
			// years 0000–9999, and every precision the JDK prints (none, millis, micros, nanos)
			Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L),
					switch (i % 4) {
						case 0 -> 0;
						case 1 -> random.nextInt(1_000) * 1_000_000;
						case 2 -> random.nextInt(1_000_000) * 1_000;
						default -> random.nextInt(1_000_000_000);
					});
			String text = DateTimeFormatter.ISO_INSTANT.format(instant);
			assertThat(IsoTimestamps.canonicalInstant(text)).as(text).isEqualTo(Instant.parse(text)).isEqualTo(instant);
		}
	}

	@Test
	void readsFractionsOfAnyLengthUpToNanos() {
		for (String text : new String[] { "2026-12-07T05:45:31.3Z", "2026-12-07T05:45:31.35Z",
				"2026-12-07T05:45:31.3551Z", "2026-12-07T05:45:31.12345678Z", "2026-12-07T05:45:31.000000001Z" }) {
			assertThat(IsoTimestamps.canonicalInstant(text)).as(text).isEqualTo(Instant.parse(text));
		}
	}

	@Test
	void leavesEveryOtherFormToTheJdk() {
		for (String text : new String[] { "2026-12-07T07:45:31+02:00", "2026-12-07T05:45:31z", "2026-12-07 05:45:31Z",
				"2016-12-31T23:59:60Z", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-12-07T24:00:00Z",
				"+12026-12-07T05:45:31Z", "2026-12-07T05:45:31.Z", "2026-12-07T05:45:31.1234567890Z",
				"2026-12-07T05:45Z", "2026-1２-07T05:45:31Z", "2026-12-07T05:45:31.12a4Z" }) {
			assertThat(IsoTimestamps.canonicalInstant(text)).as(text).isNull();
		}
	}

	@Test
	void instantsInOtherFormsReadAsBefore() {
		assertThat(IsoTimestamps.instant("2026-12-07T07:45:31+02:00")).isEqualTo(Instant.parse("2026-12-07T05:45:31Z"));
		assertThat(IsoTimestamps.instant("2016-12-31T23:59:60Z")).isEqualTo(Instant.parse("2016-12-31T23:59:59Z"));
		assertThat(this.json.readValue("\"2026-12-07T07:45:31+02:00\"", Instant.class))
			.isEqualTo(Instant.parse("2026-12-07T05:45:31Z"));
		assertThat(this.json.readValue("1765086331.5", Instant.class)).isEqualTo(Instant.parse("2025-12-07T05:45:31.5Z"));
	}

	@Test
	void rejectsTimestampsThatAreNoTimestampsAsBefore() {
		assertThatThrownBy(() -> IsoTimestamps.instant("2026-02-30T00:00:00Z"))
			.isInstanceOf(DateTimeParseException.class);
		assertThatThrownBy(() -> this.json.readValue("\"2026-02-30T00:00:00Z\"", Instant.class))
			.isInstanceOf(DatabindException.class);
		assertThatThrownBy(() -> this.json.readValue("\"2026-02-30\"", LocalDate.class))
			.isInstanceOf(DatabindException.class);
	}

	@Test
	void readsDatesAsTheJdkDoes() {
		LocalDate day = LocalDate.of(2024, 1, 1);
		for (int i = 0; i < 1_500; i++, day = day.plusDays(1)) {
			assertThat(this.json.readValue("\"" + day + "\"", LocalDate.class)).isEqualTo(day);
			assertThat(IsoTimestamps.canonicalDate(day.toString())).isEqualTo(day);
		}
		assertThat(IsoTimestamps.canonicalDate("2026-2-03")).isNull();
		assertThat(IsoTimestamps.canonicalDate("2025-02-29")).isNull();
	}
}

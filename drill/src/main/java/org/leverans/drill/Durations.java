package org.leverans.drill;

import java.time.Duration;
import java.util.Locale;

/** Durations as the report shows them: {@code 850 ms}, {@code 12.4 s}, {@code 3 min}. */
final class Durations {

	private Durations() {
	}

	static String of(Duration duration) {
		long millis = duration.toMillis();
		if (millis < 1000) {
			return millis + " ms";
		}
		if (millis >= 60_000 && millis % 60_000 == 0) {
			return (millis / 60_000) + " min";
		}
		return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
	}
}

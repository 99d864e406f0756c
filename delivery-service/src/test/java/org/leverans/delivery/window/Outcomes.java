package org.leverans.delivery.window;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** Delivered shipments for calibration tests: one ETA each, in one band, most recent first. */
final class Outcomes {

	static final Instant DELIVERED = Instant.parse("2026-12-01T10:00:00Z");

	private Outcomes() {
	}

	/** One delivery per error (actual minus ETA), an hour apart, the first the most recent. */
	static List<DeliveryOutcome> etaErrors(HorizonBand band, List<Duration> errors) {
		return IntStream.range(0, errors.size())
			.mapToObj(i -> new DeliveryOutcome("test-haulage", DELIVERED.minus(Duration.ofHours(i)),
					List.of(new ArrivalSample(band, errors.get(i), errors.get(i)))))
			.toList();
	}

	static List<Duration> minutes(int... minutes) {
		return IntStream.of(minutes).mapToObj(Duration::ofMinutes).toList();
	}
}

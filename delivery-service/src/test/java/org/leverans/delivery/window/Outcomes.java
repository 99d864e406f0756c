package org.leverans.delivery.window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/** Delivered shipments and their samples for calibration tests, most recent first. */
final class Outcomes {

	static final Instant DELIVERED = Instant.parse("2026-12-01T10:00:00Z");

	private Outcomes() {
	}

	/**
	 * One delivery per error (actual minus ETA), an hour apart, the first the most recent: each had one ETA, given
	 * {@code notice} before the time it named, inside a two-hour slot.
	 */
	static List<DeliveryOutcome> etaErrors(Duration notice, List<Duration> errors) {
		return IntStream.range(0, errors.size()).mapToObj(i -> {
			Instant deliveredAt = DELIVERED.minus(Duration.ofHours(i));
			Instant eta = deliveredAt.minus(errors.get(i));
			return DeliveryOutcome.of("test-haulage", deliveredAt.minus(Duration.ofHours(1)),
					deliveredAt.plus(Duration.ofHours(1)), List.of(new DeliveryOutcome.GivenEta(eta.minus(notice), eta)),
					deliveredAt);
		}).toList();
	}

	/**
	 * A carrier's bounds in one horizon from one sample per delivery (actual minus ETA), the first the most recent,
	 * weighted by recency as the calibrator weighs its deliveries.
	 */
	static Map<Horizon, ConformalBounds> bounds(WindowProperties.Calibration calibration, Horizon horizon,
			List<Duration> errors) {
		ArrivalCalibrator calibrator = new ArrivalCalibrator(calibration);
		List<ConformalBounds.Weighted> samples = IntStream.range(0, errors.size())
			.mapToObj(rank -> new ConformalBounds.Weighted(ArrivalSample.point(errors.get(rank)),
					calibrator.recencyWeight(rank), rank))
			.toList();
		return Map.of(horizon, ConformalBounds.of(samples, errors.size(), calibration.coverage()));
	}

	static List<Duration> minutes(int... minutes) {
		return IntStream.of(minutes).mapToObj(Duration::ofMinutes).toList();
	}

	/**
	 * The errors in an order without a trend over the deliveries (seeded), so that they test what they mean to and
	 * not the calibrator's following a drifting carrier.
	 */
	static List<Duration> shuffled(List<Duration> errors) {
		List<Duration> shuffled = new ArrayList<>(errors);
		Collections.shuffle(shuffled, new Random(7));
		return shuffled;
	}

	/** {@code deliveries} errors spread evenly over ±{@code minutes}, in no order. */
	static List<Duration> spread(int deliveries, int minutes) {
		return shuffled(IntStream.range(0, deliveries)
			.mapToObj(i -> Duration.ofSeconds(Math.round((-1 + 2.0 * (i % 21) / 20) * minutes * 60)))
			.toList());
	}
}

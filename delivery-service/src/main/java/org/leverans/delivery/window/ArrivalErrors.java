package org.leverans.delivery.window;

import java.time.Duration;
import java.util.List;

/**
 * What a carrier's recent deliveries say about its ETAs: quantiles of actual arrival minus the last ETA (positive =
 * late).
 */
public record ArrivalErrors(int samples, Duration early, Duration median, Duration late) {

	public static final ArrivalErrors NONE = new ArrivalErrors(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);

	/** @param errorSeconds actual minus ETA of each delivered shipment, in seconds, in any order */
	public static ArrivalErrors of(List<Long> errorSeconds) {
		if (errorSeconds.isEmpty()) {
			return NONE;
		}
		long[] sorted = errorSeconds.stream().mapToLong(Long::longValue).sorted().toArray();
		return new ArrivalErrors(sorted.length, quantile(sorted, 0.1), quantile(sorted, 0.5), quantile(sorted, 0.9));
	}

	private static Duration quantile(long[] sorted, double q) {
		// Linear interpolation between closest ranks, so few samples still give sensible values.
		double position = q * (sorted.length - 1);
		int lower = (int) Math.floor(position);
		int upper = (int) Math.ceil(position);
		double value = sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
		return Duration.ofSeconds(Math.round(value));
	}
}

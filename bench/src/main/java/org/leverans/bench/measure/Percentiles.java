package org.leverans.bench.measure;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of a set of durations in milliseconds; empty when nothing was measured. */
public final class Percentiles {

	private final double[] sorted;

	private Percentiles(double[] sorted) {
		this.sorted = sorted;
	}

	public static Percentiles of(Collection<? extends Number> values) {
		double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
		return new Percentiles(sorted);
	}

	public int count() {
		return this.sorted.length;
	}

	/** The smallest value that at least {@code percent} % of the values do not exceed; NaN when there are none. */
	public double at(double percent) {
		if (this.sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(percent / 100.0 * this.sorted.length);
		return this.sorted[Math.max(0, Math.min(this.sorted.length - 1, rank - 1))];
	}

	/** {@code p50 / p95 / p99} in milliseconds, or a dash when nothing was measured. */
	public String summary() {
		if (this.sorted.length == 0) {
			return "—";
		}
		return format(at(50)) + " / " + format(at(95)) + " / " + format(at(99));
	}

	static String format(double millis) {
		return (millis >= 1000) ? String.format("%.2f s", millis / 1000) : String.format("%.0f ms", millis);
	}

	@Override
	public String toString() {
		return Arrays.toString(this.sorted);
	}
}

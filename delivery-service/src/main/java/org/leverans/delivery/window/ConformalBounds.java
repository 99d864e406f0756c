package org.leverans.delivery.window;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * Split-conformal bounds of a carrier's arrival errors in one horizon band: the {@code from} bound is a low quantile
 * of the errors against the start of what was expected, the {@code to} bound a high quantile of those against its
 * end, each at {@code (1 + coverage) / 2}, so that a window between them misses at most {@code 1 - coverage} of the
 * arrivals.
 *
 * <p>
 * Samples carry weights (recent deliveries count more). The quantile is the weighted one with the next, unseen
 * arrival counted at weight one and placed at infinity (weighted split conformal, Tibshirani et al. 2019): with
 * unweighted samples that is the {@code ⌈(n + 1)·level⌉}-th smallest error. When the samples' weight is too small to
 * reach the level even so, the bound is {@code null}: the evidence does not support a window at that coverage.
 *
 * @param deliveries how many deliveries the samples came from
 * @param weight the samples' total weight, the number of deliveries they are worth
 * @param from the low bound of {@code fromError}, or null when the evidence does not reach the coverage
 * @param to the high bound of {@code toError}, or null when the evidence does not reach the coverage
 * @param earliest the lowest {@code fromError} seen, or null without samples
 * @param latest the highest {@code toError} seen, or null without samples
 */
public record ConformalBounds(int deliveries, double weight, Duration from, Duration to, Duration earliest,
		Duration latest) {

	public static final ConformalBounds NONE = new ConformalBounds(0, 0, null, null, null, null);

	/** A sample with its weight: one delivery's weight is shared by its samples in the band. */
	public record Weighted(ArrivalSample sample, double weight) {
	}

	public static ConformalBounds of(List<Weighted> samples, int deliveries, double coverage) {
		if (samples.isEmpty()) {
			return NONE;
		}
		double level = (1 + coverage) / 2;
		double total = samples.stream().mapToDouble(Weighted::weight).sum();
		List<Weighted> byFrom = samples.stream()
			.sorted(Comparator.comparing((Weighted w) -> w.sample().fromError()).reversed())
			.toList();
		List<Weighted> byTo = samples.stream().sorted(Comparator.comparing((Weighted w) -> w.sample().toError())).toList();
		Duration from = quantile(byFrom, total, level, true);
		Duration to = quantile(byTo, total, level, false);
		return new ConformalBounds(deliveries, total, from, to, byFrom.getLast().sample().fromError(),
				byTo.getLast().sample().toError());
	}

	/** Whether the evidence is enough for a window at the coverage asked for. */
	public boolean reachesCoverage() {
		return this.from != null && this.to != null;
	}

	/**
	 * Walks the samples from the far side inwards until their weight, out of the total plus the unseen arrival's,
	 * reaches the level.
	 */
	private static Duration quantile(List<Weighted> sorted, double total, double level, boolean fromSide) {
		double cumulative = 0;
		for (Weighted weighted : sorted) {
			cumulative += weighted.weight();
			if (cumulative / (total + 1) >= level - 1e-12) {
				return fromSide ? weighted.sample().fromError() : weighted.sample().toError();
			}
		}
		return null;
	}
}

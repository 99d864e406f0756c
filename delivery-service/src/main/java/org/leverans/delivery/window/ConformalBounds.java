package org.leverans.delivery.window;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Split-conformal bounds of a carrier's arrival errors in one horizon: the narrowest window, relative to what was
 * expected, that held enough of the carrier's past arrivals to promise {@code coverage} of the next. For an ETA the
 * window is {@code [eta + from, eta + to]}; for a planned slot {@code [slot start + from, slot end + to]}.
 *
 * <p>
 * Samples carry weights (recent deliveries count more). With n unweighted samples, a window from one of them to
 * another holds the next arrival with probability (inside − 1) / (n + 1), the samples at its edges counted inside, so
 * besides its first sample it must hold {@code coverage · (n + 1)} of them; weighted, the next arrival counts at
 * weight one (weighted split conformal, Tibshirani et al. 2019), and the first sample's own weight. When all the
 * samples together weigh too little for that, there are no bounds: the evidence does not support a window at that
 * coverage. The narrowest such window, rather than one with equal tails, follows a carrier whose misses lie on one
 * side (late trucks, early ones).
 *
 * <p>
 * A carrier that clearly drifts (a weighted least-squares trend over its deliveries at least three standard errors
 * from flat) has its samples moved to where the trend stands now before the window is drawn, so the window does not
 * lag behind it by the half-life of the recency weights. Drift changes more than the level: as a carrier gets later,
 * which of its ETAs land in a horizon and how far they scatter change too, which no straight line follows. So the
 * window of a carrier whose errors lean at all (the trend at least one standard error from flat) is also checked the
 * way the evaluator checks it: drawn from all but its last {@value #RECENT_DELIVERIES} deliveries, would it have held
 * those? Their misses count by how long each window was shown ({@link Weighted#exposure()}), as receivers met them.
 * When more of that time fell outside than the coverage allows, the window is drawn to miss three points less for
 * each point of misses too many, down to a quarter of the misses allowed (adaptive conformal inference, Gibbs and
 * Candès 2021, in one step rather than per delivery). It is only ever widened that way: a steady carrier's recent
 * luck does not narrow its window.
 *
 * @param deliveries how many deliveries the samples came from
 * @param weight the samples' total weight, the number of deliveries they are worth
 * @param from the start of the window relative to what was expected, or null when the evidence does not reach the
 * coverage
 * @param to the end of the window relative to what was expected, or null when the evidence does not reach the
 * coverage
 * @param earliest the lowest {@code fromError} seen, or null without samples
 * @param latest the highest {@code toError} seen, or null without samples
 */
public record ConformalBounds(int deliveries, double weight, Duration from, Duration to, Duration earliest,
		Duration latest) {

	public static final ConformalBounds NONE = new ConformalBounds(0, 0, null, null, null, null);

	/** How clear a trend must be, in standard errors of its slope, before samples are moved along it. */
	static final double CLEAR_TREND = 3;

	/** How clear a trend must be, in standard errors of its slope, before the window is checked on recent deliveries. */
	static final double LEANING = 1;

	/** The most recent deliveries a leaning carrier's window is checked against. */
	static final int RECENT_DELIVERIES = 30;

	/** Each point of too many recent misses takes this many points off the share a leaning carrier's window may miss. */
	static final double ADAPTATION_GAIN = 3;

	/**
	 * A sample with its weight: one delivery's weight is shared by its samples in a horizon.
	 *
	 * @param rank how many deliveries came after the sample's (0: the most recent)
	 * @param exposure how long windows like it were shown, times its delivery's recency weight: how much of what
	 * receivers saw it stands for (in any unit, the same for every sample of a horizon)
	 */
	public record Weighted(ArrivalSample sample, double weight, int rank, double exposure) {

		/** A sample whose windows were shown as long as any other's: its exposure is its weight. */
		public Weighted(ArrivalSample sample, double weight, int rank) {
			this(sample, weight, rank, weight);
		}
	}

	public static ConformalBounds of(List<Weighted> samples, int deliveries, double coverage) {
		return of(samples, deliveries, coverage, Trend.of(samples));
	}

	/**
	 * As {@link #of(List, int, double)}, with the carrier's drift read from other samples than those the window is
	 * drawn from.
	 * @param drift the trend of the samples that say how the carrier drifts (e.g. the whole band's, for a window drawn
	 * from a finer horizon's)
	 */
	public static ConformalBounds of(List<Weighted> samples, int deliveries, double coverage, Trend drift) {
		if (samples.isEmpty()) {
			return NONE;
		}
		double trend = drift.strength();
		List<Weighted> level = (trend >= CLEAR_TREND) ? shifted(samples, drift.slope()) : samples;
		double total = totalWeight(level);
		Duration earliest = level.stream().map(w -> w.sample().fromError()).min(Comparator.naturalOrder()).orElseThrow();
		Duration latest = level.stream().map(w -> w.sample().toError()).max(Comparator.naturalOrder()).orElseThrow();
		Duration[] window = narrowest(level, coverage * (total + 1));
		if (window != null && trend >= LEANING) {
			window = checkedOnRecentDeliveries(level, coverage, window);
		}
		return new ConformalBounds(deliveries, total, (window != null) ? window[0] : null,
				(window != null) ? window[1] : null, earliest, latest);
	}

	/** Whether the evidence is enough for a window at the coverage asked for. */
	public boolean reachesCoverage() {
		return this.from != null && this.to != null;
	}

	/**
	 * The window, widened when the one drawn from all but the last {@link #RECENT_DELIVERIES} deliveries missed more of
	 * those than the coverage allows.
	 */
	private static Duration[] checkedOnRecentDeliveries(List<Weighted> level, double coverage, Duration[] window) {
		List<Weighted> older = level.stream().filter(w -> w.rank() >= RECENT_DELIVERIES).toList();
		Duration[] earlier = narrowest(older, coverage * (totalWeight(older) + 1));
		double recent = 0;
		double missed = 0;
		// Misses counted as receivers met them, by how long each window was shown: per delivery, one that passed
		// through the horizon in a minute would count as much as one whose window stood there for half an hour, and
		// which of them miss is no chance, as how long an ETA stays in a band depends on how far off it is.
		for (Weighted w : level) {
			if (w.rank() < RECENT_DELIVERIES) {
				recent += w.exposure();
				if (earlier != null && (w.sample().fromError().compareTo(earlier[0]) < 0
						|| w.sample().toError().compareTo(earlier[1]) > 0)) {
					missed += w.exposure();
				}
			}
		}
		double allowed = 1 - coverage;
		double tooMany = (earlier != null && recent > 0) ? missed / recent - allowed : 0;
		if (tooMany <= 0) {
			return window;
		}
		double mayMiss = Math.max(allowed / 4, allowed - ADAPTATION_GAIN * tooMany);
		double total = totalWeight(level);
		// No further than the evidence reaches: at most all the samples but one edge.
		double heaviest = level.stream().mapToDouble(Weighted::weight).max().orElseThrow();
		double needed = Math.min((1 - mayMiss) * (total + 1), total - heaviest);
		Duration[] wider = (needed > coverage * (total + 1)) ? narrowest(level, needed) : null;
		return (wider != null) ? wider : window;
	}

	private static Duration[] narrowest(List<Weighted> samples, double needed) {
		if (samples.isEmpty()) {
			return null;
		}
		return samples.stream().allMatch(w -> w.sample().isPoint()) ? narrowestAroundPoints(samples, needed)
				: narrowestAroundSlots(samples, needed);
	}

	private static double totalWeight(List<Weighted> samples) {
		return samples.stream().mapToDouble(Weighted::weight).sum();
	}

	/** The narrowest span between two errors holding {@code needed} weight: a sliding window over the sorted errors. */
	private static Duration[] narrowestAroundPoints(List<Weighted> samples, double needed) {
		List<Weighted> sorted = samples.stream()
			.sorted(Comparator.comparing((Weighted w) -> w.sample().toError()))
			.toList();
		Duration[] best = null;
		long narrowest = Long.MAX_VALUE;
		double inside = 0;
		int end = -1;
		for (Weighted start : sorted) {
			// The window's first sample is its edge, not inside it: as with n unweighted samples, where a window from
			// the i-th to the j-th smallest holds the next with probability (j - i) / (n + 1).
			while (inside - start.weight() < needed - 1e-9 && end + 1 < sorted.size()) {
				inside += sorted.get(++end).weight();
			}
			if (inside - start.weight() < needed - 1e-9) {
				break;
			}
			Duration from = start.sample().fromError();
			Duration to = sorted.get(end).sample().toError();
			long width = to.minus(from).toSeconds();
			if (width < narrowest) {
				narrowest = width;
				best = new Duration[] { from, to };
			}
			inside -= start.weight();
		}
		return best;
	}

	/**
	 * The same for slots, where an arrival is inside when it is no earlier than {@code from} after the slot's start
	 * and no later than {@code to} after its end: for each start, lowered sample by sample, the earliest end that
	 * holds enough of the samples starting no earlier.
	 */
	private static Duration[] narrowestAroundSlots(List<Weighted> samples, double needed) {
		List<Weighted> byStart = samples.stream()
			.sorted(Comparator.comparing((Weighted w) -> w.sample().fromError()).reversed())
			.toList();
		TreeMap<Duration, Double> ends = new TreeMap<>();
		Duration[] best = null;
		long narrowest = Long.MAX_VALUE;
		double started = 0;
		for (Weighted start : byStart) {
			ends.merge(start.sample().toError(), start.weight(), Double::sum);
			started += start.weight();
			if (started - start.weight() < needed - 1e-9) {
				continue;
			}
			double inside = -start.weight();
			for (Map.Entry<Duration, Double> end : ends.entrySet()) {
				inside += end.getValue();
				if (inside >= needed - 1e-9) {
					long width = end.getKey().minus(start.sample().fromError()).toSeconds();
					if (width < narrowest) {
						narrowest = width;
						best = new Duration[] { start.sample().fromError(), end.getKey() };
					}
					break;
				}
			}
		}
		return best;
	}

	private static List<Weighted> shifted(List<Weighted> samples, double slope) {
		// rank 0 is now: a sample r deliveries old moves by what the trend did since.
		return samples.stream()
			.map(w -> new Weighted(w.sample().shifted(Duration.ofSeconds(Math.round(-slope * w.rank()))), w.weight(),
					w.rank(), w.exposure()))
			.toList();
	}

	/** How many standard errors the trend of the errors over the deliveries lies from flat; 0 without one. */
	static double trendStrength(List<Weighted> samples) {
		return Trend.of(samples).strength();
	}

	/**
	 * A weighted least-squares line through the errors over the deliveries' ranks.
	 *
	 * @param slope seconds of error per delivery further back
	 * @param strength how many standard errors the slope lies from flat
	 */
	public record Trend(double slope, double strength) {

		static final Trend FLAT = new Trend(0, 0);

		/** The trend of these samples' errors; {@link #FLAT} when their ranks cannot show one. */
		public static Trend of(List<Weighted> samples) {
			double weights = 0;
			double ranks = 0;
			double errors = 0;
			for (Weighted w : samples) {
				weights += w.weight();
				ranks += w.weight() * w.rank();
				errors += w.weight() * seconds(w);
			}
			double meanRank = ranks / weights;
			double meanError = errors / weights;
			double spread = 0;
			double together = 0;
			for (Weighted w : samples) {
				spread += w.weight() * (w.rank() - meanRank) * (w.rank() - meanRank);
				together += w.weight() * (w.rank() - meanRank) * (seconds(w) - meanError);
			}
			if (!(spread > 0)) {
				return FLAT;
			}
			double slope = together / spread;
			double residuals = 0;
			for (Weighted w : samples) {
				double residual = seconds(w) - meanError - slope * (w.rank() - meanRank);
				residuals += w.weight() * residual * residual;
			}
			double standardError = Math.sqrt(residuals / weights / spread);
			if (!(standardError > 0)) {
				return (slope != 0) ? new Trend(slope, Double.POSITIVE_INFINITY) : FLAT;
			}
			return new Trend(slope, Math.abs(slope) / standardError);
		}
	}

	private static double seconds(Weighted weighted) {
		return weighted.sample().toError().toSeconds();
	}
}

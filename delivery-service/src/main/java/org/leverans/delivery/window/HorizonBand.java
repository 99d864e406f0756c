package org.leverans.delivery.window;

import java.time.Duration;

/**
 * How far ahead of now the ETA a window is drawn around lies, or the planned slot before the carrier's first ETA.
 * Each carrier's windows are calibrated per band from the moments its past windows were drawn: an ETA twenty minutes
 * off errs differently from one four hours off, and one whose moment has passed without the truck says something of
 * its own. The bands are finest near the arrival, where a few minutes make the difference.
 */
public enum HorizonBand {

	/** The requested slot, before the carrier has given any ETA. */
	PLANNED_SLOT(null, null),

	/** The ETA has passed and the truck has not arrived. */
	ETA_PASSED(null, Duration.ZERO),

	UNDER_10_MIN(Duration.ZERO, Duration.ofMinutes(10)),

	MIN_10_TO_20(Duration.ofMinutes(10), Duration.ofMinutes(20)),

	MIN_20_TO_30(Duration.ofMinutes(20), Duration.ofMinutes(30)),

	MIN_30_TO_45(Duration.ofMinutes(30), Duration.ofMinutes(45)),

	MIN_45_TO_60(Duration.ofMinutes(45), Duration.ofHours(1)),

	MIN_60_TO_90(Duration.ofHours(1), Duration.ofMinutes(90)),

	MIN_90_TO_120(Duration.ofMinutes(90), Duration.ofHours(2)),

	H_2_TO_3(Duration.ofHours(2), Duration.ofHours(3)),

	H_3_TO_4(Duration.ofHours(3), Duration.ofHours(4)),

	H_4_TO_6(Duration.ofHours(4), Duration.ofHours(6)),

	H_6_TO_12(Duration.ofHours(6), Duration.ofHours(12)),

	DAY_BEFORE(Duration.ofHours(12), null);

	private final Duration from;

	private final Duration to;

	HorizonBand(Duration from, Duration to) {
		this.from = from;
		this.to = to;
	}

	/** The band of an ETA {@code ahead} of now (negative: passed). */
	public static HorizonBand ofEtaAhead(Duration ahead) {
		for (HorizonBand band : values()) {
			if (band != PLANNED_SLOT && band.overlapSeconds(ahead.toSeconds(), ahead.toSeconds() + 1) > 0) {
				return band;
			}
		}
		throw new IllegalStateException("No band for " + ahead);
	}

	/** How many seconds of the span from {@code low} to {@code high} seconds ahead fall in this band. */
	long overlapSeconds(long low, long high) {
		if (this == PLANNED_SLOT) {
			return 0;
		}
		long start = (this.from != null) ? Math.max(low, this.from.toSeconds()) : low;
		long end = (this.to != null) ? Math.min(high, this.to.toSeconds()) : high;
		return Math.max(0, end - start);
	}
}

package org.leverans.delivery.window;

import java.time.Duration;

/**
 * How far ahead an ETA was when the carrier gave it, or the planned slot before any ETA. Each carrier's windows are
 * calibrated per band: an ETA given four hours out errs differently from one given ten minutes out.
 */
public enum HorizonBand {

	/** The requested slot, before the carrier has given any ETA. */
	PLANNED_SLOT(null),

	UNDER_30_MIN(Duration.ZERO),

	MIN_30_TO_90(Duration.ofMinutes(30)),

	H_1_5_TO_4(Duration.ofMinutes(90)),

	H_4_TO_12(Duration.ofHours(4)),

	DAY_BEFORE(Duration.ofHours(12));

	private final Duration from;

	HorizonBand(Duration from) {
		this.from = from;
	}

	/**
	 * The band of an ETA given {@code ahead} before the time it names. The same rule places a delivered ETA in its band
	 * and picks the band for the latest ETA of a shipment on its way, which is what makes the calibration hold.
	 */
	public static HorizonBand ofEtaAhead(Duration ahead) {
		HorizonBand found = UNDER_30_MIN;
		for (HorizonBand band : values()) {
			if (band.from != null && ahead.compareTo(band.from) >= 0) {
				found = band;
			}
		}
		return found;
	}
}

package org.leverans.delivery.window;

import java.time.Duration;

/**
 * How far ahead the carrier gave an ETA. Twenty minutes before it, an ETA given with four hours' notice errs as
 * four-hour ETAs do, not as the carrier's twenty-minute ones: where its own evidence is plentiful, a carrier's windows
 * are calibrated per band and notice. Also what {@code arrival_sample.band} records for an ETA.
 */
public enum EtaNotice {

	UNDER_30_MIN(Duration.ZERO),

	MIN_30_TO_90(Duration.ofMinutes(30)),

	H_1_5_TO_4(Duration.ofMinutes(90)),

	H_4_TO_12(Duration.ofHours(4)),

	DAY_BEFORE(Duration.ofHours(12));

	private final Duration from;

	EtaNotice(Duration from) {
		this.from = from;
	}

	/** The notice of an ETA given {@code ahead} of the time it names. */
	public static EtaNotice of(Duration ahead) {
		EtaNotice found = UNDER_30_MIN;
		for (EtaNotice notice : values()) {
			if (ahead.compareTo(notice.from) >= 0) {
				found = notice;
			}
		}
		return found;
	}
}

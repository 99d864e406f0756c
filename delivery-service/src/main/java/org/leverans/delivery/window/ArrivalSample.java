package org.leverans.delivery.window;

import java.time.Duration;

/**
 * One thing the carrier promised before a delivery, against what happened: how far the actual arrival fell from the
 * start ({@code fromError}) and the end ({@code toError}) of what was expected. An ETA is a point, so both are actual
 * minus ETA; a planned slot gives actual minus slot start and actual minus slot end. Positive is late.
 */
public record ArrivalSample(Duration fromError, Duration toError) {

	/** Against an ETA: the arrival this far after it. */
	public static ArrivalSample point(Duration error) {
		return new ArrivalSample(error, error);
	}

	boolean isPoint() {
		return this.fromError.equals(this.toError);
	}

	/** This promise as if the arrival had come {@code by} later. */
	ArrivalSample shifted(Duration by) {
		return new ArrivalSample(this.fromError.plus(by), this.toError.plus(by));
	}
}

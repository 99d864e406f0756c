package org.leverans.delivery.window.evaluation;

import java.time.Instant;
import java.util.List;

/** One simulated delivery: its planned slot, the ETAs the carrier gave (oldest first) and the actual arrival. */
record SimulatedDelivery(String carrier, Instant plannedFrom, Instant plannedTo, Instant plannedAt, List<Eta> etas,
		Instant deliveredAt) {

	/** The latest ETA given at or before {@code now}, or null before the first. */
	Eta latestEtaAt(Instant now) {
		Eta latest = null;
		for (Eta eta : this.etas) {
			if (!eta.givenAt().isAfter(now)) {
				latest = eta;
			}
		}
		return latest;
	}

	Eta lastEta() {
		return this.etas.getLast();
	}

	record Eta(Instant givenAt, Instant eta) {
	}
}

package org.leverans.delivery.window.evaluation;

import java.time.Instant;
import java.util.List;

import org.leverans.delivery.window.WindowEvidence;

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

	/** What the service would know of the arrival at {@code now}: the planned slot and the latest ETA given by then. */
	WindowEvidence evidenceAt(Instant now) {
		Eta latest = latestEtaAt(now);
		return new WindowEvidence(this.plannedFrom, this.plannedTo, (latest != null) ? latest.eta() : null,
				(latest != null) ? latest.givenAt() : null, (latest != null) ? latest.givenAt() : null, null);
	}

	Eta lastEta() {
		return this.etas.getLast();
	}

	record Eta(Instant givenAt, Instant eta) {
	}
}

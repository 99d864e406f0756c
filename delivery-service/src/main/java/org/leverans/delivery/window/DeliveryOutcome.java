package org.leverans.delivery.window;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What one delivered shipment teaches about its carrier: the slot it was planned in, every ETA the carrier gave for
 * it before the arrival (oldest first), and the arrival.
 */
public record DeliveryOutcome(String carrier, Instant deliveredAt, Instant plannedFrom, Instant plannedTo,
		List<GivenEta> etas) {

	public DeliveryOutcome {
		// An ETA given at or after the arrival promised nothing.
		etas = etas.stream()
			.filter(eta -> eta.givenAt().isBefore(deliveredAt))
			.sorted(Comparator.comparing(GivenEta::givenAt))
			.toList();
	}

	public static DeliveryOutcome of(String carrier, Instant plannedFrom, Instant plannedTo, List<GivenEta> etas,
			Instant deliveredAt) {
		return new DeliveryOutcome(carrier, deliveredAt, plannedFrom, plannedTo, etas);
	}

	/** Where the arrival fell against the planned slot. */
	public ArrivalSample slot() {
		return new ArrivalSample(Duration.between(this.plannedFrom, this.deliveredAt),
				Duration.between(this.plannedTo, this.deliveredAt));
	}

	/** An ETA as the carrier gave it: when, and for when. */
	public record GivenEta(Instant givenAt, Instant eta) {

		/** How far ahead of the time it names the ETA was given. */
		public EtaNotice notice() {
			return EtaNotice.of(ahead());
		}

		ArrivalSample against(Instant deliveredAt) {
			return ArrivalSample.point(Duration.between(this.eta, deliveredAt));
		}

		private Duration ahead() {
			return Duration.between(this.givenAt, this.eta);
		}
	}
}

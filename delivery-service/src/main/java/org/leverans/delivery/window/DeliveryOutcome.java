package org.leverans.delivery.window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What one delivered shipment teaches about its carrier: every ETA it was given and its planned slot, as samples. */
public record DeliveryOutcome(String carrier, Instant deliveredAt, List<ArrivalSample> samples) {

	public DeliveryOutcome {
		samples = List.copyOf(samples);
	}

	/**
	 * @param etas the ETAs the carrier gave for this shipment; those given at or after the arrival teach nothing
	 */
	public static DeliveryOutcome of(String carrier, Instant plannedFrom, Instant plannedTo, List<GivenEta> etas,
			Instant deliveredAt) {
		List<ArrivalSample> samples = new ArrayList<>();
		samples.add(new ArrivalSample(HorizonBand.PLANNED_SLOT, Duration.between(plannedFrom, deliveredAt),
				Duration.between(plannedTo, deliveredAt)));
		for (GivenEta eta : etas) {
			if (eta.givenAt().isBefore(deliveredAt)) {
				Duration error = Duration.between(eta.eta(), deliveredAt);
				samples.add(new ArrivalSample(eta.band(), error, error));
			}
		}
		return new DeliveryOutcome(carrier, deliveredAt, samples);
	}

	/** An ETA as the carrier gave it: when, and for when. */
	public record GivenEta(Instant givenAt, Instant eta) {

		public HorizonBand band() {
			return HorizonBand.ofEtaAhead(Duration.between(this.givenAt, this.eta));
		}
	}
}

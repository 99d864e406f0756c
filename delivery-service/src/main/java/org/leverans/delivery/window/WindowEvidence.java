package org.leverans.delivery.window;

import java.time.Instant;

import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.delivery.shipment.Shipment;

/**
 * What is known about a shipment's arrival: the planned slot, the carrier's latest ETA and when it was given, the
 * latest moment any partner event says the shipment was seen at, and the actual delivery.
 */
public record WindowEvidence(Instant plannedFrom, Instant plannedTo, Instant eta, Instant etaGivenAt,
		Instant latestEventAt, Instant deliveredAt) {

	/** What a stored shipment tells so far. */
	public static WindowEvidence of(Shipment shipment) {
		DeliveryWindow planned = DeliveryWindowPolicy.planned(shipment);
		return new WindowEvidence(planned.from(), planned.to(), shipment.eta(), shipment.etaOccurredAt(),
				shipment.latestEventAt(), shipment.deliveredAt());
	}
}

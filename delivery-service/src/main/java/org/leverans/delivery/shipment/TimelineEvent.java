package org.leverans.delivery.shipment;

import java.time.Instant;

import org.leverans.contracts.shipment.ProofOfDelivery;

/** A partner event as kept in the shipment's timeline. */
public record TimelineEvent(String eventId, String type, Instant occurredAt, Instant receivedAt, Instant eta,
		Position position, ProofOfDelivery proofOfDelivery, String reason) {

	public record Position(double lat, double lon) {
	}
}

package org.leverans.delivery.partner;

import java.time.Instant;
import java.util.UUID;

import org.leverans.contracts.shipment.ProofOfDelivery;
import org.leverans.delivery.shipment.TimelineEvent;

/** One well-formed partner event; {@code index} is its place in the posted batch. */
record PartnerEvent(int index, String eventId, UUID shipmentId, String trackingNumber, PartnerEventType type,
		Instant occurredAt, Instant eta, TimelineEvent.Position position, ProofOfDelivery proofOfDelivery,
		String reason) {
}

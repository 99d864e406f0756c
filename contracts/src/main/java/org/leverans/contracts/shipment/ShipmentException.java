package org.leverans.contracts.shipment;

import java.time.Instant;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;

/** Something went wrong with a shipment: DELIVERY_FAILED, EXCEPTION or RETURNED, with the partner's reason. */
@EventContract(type = "leverans.shipment.exception.v1", topic = Topics.SHIPMENT)
public record ShipmentException(UUID shipmentId, UUID orderId, UUID customerId, UUID siteId, String carrier,
		String trackingNumber, String eventType, String reason, Instant occurredAt) {
}

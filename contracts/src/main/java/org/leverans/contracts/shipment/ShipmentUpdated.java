package org.leverans.contracts.shipment;

import java.time.Instant;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;

/**
 * A partner event changed the shipment. {@code eventType} is the partner vocabulary (PICKED_UP, IN_TRANSIT, …);
 * {@code status} the shipment's status after it.
 */
@EventContract(type = "leverans.shipment.updated.v1", topic = Topics.SHIPMENT)
public record ShipmentUpdated(UUID shipmentId, UUID orderId, UUID customerId, UUID siteId, String carrier,
		String trackingNumber, String status, String eventType, Instant occurredAt, DeliveryWindow window) {
}

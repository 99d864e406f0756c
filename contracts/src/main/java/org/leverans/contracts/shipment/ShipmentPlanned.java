package org.leverans.contracts.shipment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;

/**
 * A shipment of an accepted order is planned. {@code shipmentsInOrder} says how many shipments the order's plan
 * has, so followers know when all of them are delivered.
 */
@EventContract(type = "leverans.shipment.planned.v1", topic = Topics.SHIPMENT)
public record ShipmentPlanned(UUID shipmentId, UUID orderId, UUID customerId, UUID siteId, String carrier,
		String trackingNumber, String status, List<ShipmentLine> lines, DeliveryWindow window, int shipmentsInOrder,
		Instant plannedAt) {
}

package org.leverans.contracts.shipment;

import java.time.Instant;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;

@EventContract(type = "leverans.shipment.delivered.v1", topic = Topics.SHIPMENT)
public record ShipmentDelivered(UUID shipmentId, UUID orderId, UUID customerId, UUID siteId, String carrier,
		String trackingNumber, Instant deliveredAt, ProofOfDelivery proofOfDelivery, int shipmentsInOrder) {
}

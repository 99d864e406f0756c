package org.leverans.contracts.shipment;

import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;

/** The shipment's current delivery window moved by more than the configured threshold. */
@EventContract(type = "leverans.shipment.window-changed.v1", topic = Topics.SHIPMENT)
public record DeliveryWindowChanged(UUID shipmentId, UUID orderId, UUID customerId, UUID siteId, String status,
		DeliveryWindow window, DeliveryWindow previousWindow) {
}

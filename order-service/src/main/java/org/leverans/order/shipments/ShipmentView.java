package org.leverans.order.shipments;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.ShipmentLine;

/**
 * The order's view of one shipment, from delivery-service's events.
 *
 * @param problemCode DELIVERY_FAILED, EXCEPTION or RETURNED while the shipment has an open problem
 */
public record ShipmentView(UUID id, UUID orderId, String status, String carrier, String trackingNumber, UUID siteId,
		DeliveryWindow window, List<ShipmentLine> lines, boolean pickedUp, Instant deliveredAt, String problemCode,
		String problemReason) {
}

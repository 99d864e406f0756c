package org.leverans.notification.arrival;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.leverans.contracts.shipment.DeliveryWindow;

/** The {@code data} of a {@code shipment.arriving} message. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ArrivingData(UUID orderId, String orderNumber, UUID shipmentId, UUID siteId, String carrier,
		String trackingNumber, String status, DeliveryWindow window, long arrivesInMinutes, Instant occurredAt) {
}

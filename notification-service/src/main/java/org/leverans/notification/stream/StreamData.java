package org.leverans.notification.stream;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.leverans.contracts.Reason;
import org.leverans.contracts.shipment.DeliveryWindow;

/**
 * The {@code data} of a stream message. Fields that do not apply to an event are left out.
 *
 * @param status the order status for {@code order.status-changed}, the shipment status for shipment events
 * @param eventType the partner's event type that caused a shipment change (PICKED_UP, ETA_UPDATED, …)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamData(UUID orderId, String orderNumber, UUID shipmentId, UUID siteId, String carrier,
		String trackingNumber, String status, String eventType, DeliveryWindow window,
		DeliveryWindow previousWindow, List<Reason> reasons, Instant occurredAt) {

	static StreamData order(UUID orderId, String orderNumber, String status, List<Reason> reasons,
			Instant occurredAt) {
		return new StreamData(orderId, orderNumber, null, null, null, null, status, null, null, null, reasons,
				occurredAt);
	}
}

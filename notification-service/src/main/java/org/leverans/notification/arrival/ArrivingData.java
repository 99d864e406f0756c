package org.leverans.notification.arrival;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.leverans.contracts.shipment.DeliveryWindow;

/** The {@code data} of a {@code shipment.arriving} message. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ArrivingData(UUID orderId, String orderNumber, UUID shipmentId, UUID siteId, String carrier,
		String trackingNumber, String status, DeliveryWindow window, long arrivesInMinutes, Instant occurredAt) {

	/** Rounded up: checked a moment after it fell due, a 30-minute alert still says 30. */
	static long minutesUntil(Instant from, Instant now) {
		long seconds = Duration.between(now, from).toSeconds();
		return Math.max(0, (seconds + 59) / 60);
	}
}

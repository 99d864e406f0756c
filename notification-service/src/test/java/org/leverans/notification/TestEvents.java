package org.leverans.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.Reason;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderLine;
import org.leverans.contracts.order.OrderPlaced;
import org.leverans.contracts.order.OrderRejected;
import org.leverans.contracts.order.RequestedDelivery;
import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.DeliveryWindowChanged;
import org.leverans.contracts.shipment.ShipmentLine;
import org.leverans.contracts.shipment.ShipmentPlanned;
import org.leverans.contracts.shipment.ShipmentUpdated;

/** Contract events about the test's orders and shipments, as their writing services would publish them. */
public final class TestEvents {

	private TestEvents() {
	}

	public static OrderPlaced placed(UUID orderId, UUID customerId, UUID... siteIds) {
		List<OrderLine> lines = new ArrayList<>();
		for (int i = 0; i < siteIds.length; i++) {
			lines.add(new OrderLine(i + 1, "CEM-25KG", 40, "PALLET", siteIds[i]));
		}
		return new OrderPlaced(orderId, number(orderId), customerId, "anna", Instant.parse("2026-11-22T08:00:00Z"),
				"PO-4711", DeliveryMode.SPLIT_ALLOWED,
				new RequestedDelivery(LocalDate.parse("2026-12-03"), LocalTime.of(7, 0),
						LocalTime.of(9, 0)),
				lines, null);
	}

	public static OrderRejected rejected(UUID orderId, UUID customerId, Reason... reasons) {
		return new OrderRejected(orderId, number(orderId), customerId, List.of(reasons),
				Instant.parse("2026-11-22T08:01:00Z"));
	}

	/** A planned two-hour delivery window from {@code from}. */
	public static DeliveryWindow window(Instant from) {
		return new DeliveryWindow(from, from.plus(Duration.ofHours(2)), "PLANNED", Instant.now());
	}

	/** A pallet of cement planned with nordic-freight, in a two-hour window from {@code from}. */
	public static ShipmentPlanned shipmentPlanned(UUID shipmentId, UUID orderId, UUID customerId, UUID siteId,
			String trackingNumber, Instant from) {
		return new ShipmentPlanned(shipmentId, orderId, customerId, siteId, "nordic-freight", trackingNumber,
				"PLANNED", List.of(new ShipmentLine(1, "CEM-25KG", 40, "PALLET")), window(from), 1, Instant.now());
	}

	/** The shipment's two-hour window moved, in transit. */
	public static DeliveryWindowChanged windowChanged(UUID shipmentId, UUID orderId, UUID customerId, UUID siteId,
			Instant from, Instant previousFrom) {
		return new DeliveryWindowChanged(shipmentId, orderId, customerId, siteId, "IN_TRANSIT", window(from),
				window(previousFrom));
	}

	public static ShipmentUpdated shipmentUpdated(UUID orderId, UUID customerId, UUID siteId, String status) {
		DeliveryWindow window = new DeliveryWindow(Instant.parse("2026-12-03T05:00:00Z"),
				Instant.parse("2026-12-03T07:00:00Z"), "PLANNED", Instant.parse("2026-11-22T08:02:00Z"));
		return new ShipmentUpdated(UUID.randomUUID(), orderId, customerId, siteId, "nordic-freight", "NF0000000001",
				status, status, Instant.parse("2026-12-03T04:30:00Z"), window);
	}

	/** Order numbers are not unique here, but readable in failures. */
	public static String number(UUID orderId) {
		return "LV-" + orderId.toString().substring(0, 6);
	}
}

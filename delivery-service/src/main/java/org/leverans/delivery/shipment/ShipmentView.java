package org.leverans.delivery.shipment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.ProofOfDelivery;
import org.leverans.contracts.shipment.ShipmentLine;

/** A shipment as buyers, receivers, carriers and customer service see it: window, lines and event timeline. */
public record ShipmentView(UUID id, UUID orderId, String orderNumber, String status, String carrier,
		String trackingNumber, UUID siteId, String siteName, LocalDate plannedDate, DeliveryWindow window,
		List<ShipmentLine> lines, List<EventView> events, ProofOfDelivery proofOfDelivery, Instant deliveredAt,
		int shipmentsInOrder) {

	public static ShipmentView of(Shipment s, List<ShipmentLine> lines, List<TimelineEvent> events) {
		return new ShipmentView(s.id(), s.orderId(), s.orderNumber(), s.status().name(), s.carrier(),
				s.trackingNumber(), s.siteId(), s.siteName(), s.plannedDate(), s.window(), lines,
				events.stream().map(EventView::of).toList(), s.proofOfDelivery(), s.deliveredAt(),
				s.shipmentsInOrder());
	}

	public record EventView(String eventId, String type, Instant occurredAt, Instant receivedAt, Instant eta,
			TimelineEvent.Position position, ProofOfDelivery proofOfDelivery, String reason) {

		static EventView of(TimelineEvent e) {
			return new EventView(e.eventId(), e.type(), e.occurredAt(), e.receivedAt(), e.eta(), e.position(),
					e.proofOfDelivery(), e.reason());
		}
	}
}

package org.leverans.delivery.receiver;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.ShipmentLine;
import org.leverans.delivery.shipment.Shipment;
import org.leverans.delivery.shipment.Shipments;
import org.leverans.web.caller.Caller;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a receiver has coming: today's and upcoming shipments to their sites, soonest window first. */
@RestController
class ArrivalsController {

	private static final int MAX_ARRIVALS = 200;

	private final Shipments shipments;

	private final Clock clock;

	ArrivalsController(Shipments shipments, Clock clock) {
		this.shipments = shipments;
		this.clock = clock;
	}

	@GetMapping("/api/receiver/arrivals")
	Arrivals arrivals(Caller caller) {
		return new Arrivals(this.shipments.arrivingAt(caller.siteIds(), this.clock.instant(), MAX_ARRIVALS)
			.stream()
			.map(shipment -> Arrival.of(shipment, this.shipments.lines(shipment.id())))
			.toList());
	}

	record Arrivals(List<Arrival> items) {
	}

	record Arrival(UUID id, UUID orderId, String orderNumber, String status, String carrier, String trackingNumber,
			UUID siteId, String siteName, DeliveryWindow window, List<ShipmentLine> lines) {

		static Arrival of(Shipment s, List<ShipmentLine> lines) {
			return new Arrival(s.id(), s.orderId(), s.orderNumber(), s.status().name(), s.carrier(),
					s.trackingNumber(), s.siteId(), s.siteName(), s.window(), lines);
		}
	}
}

package org.leverans.delivery.shipment;

import java.util.List;
import java.util.UUID;




import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One shipment, or an order's shipments, for whoever may see them: the buyer's company, receivers at the site, the
 * carrier carrying it, customer service and admins. Anyone else is told it does not exist.
 */
@RestController
class ShipmentsController {

	private final Shipments shipments;

	ShipmentsController(Shipments shipments) {
		this.shipments = shipments;
	}

	@GetMapping("/api/shipments/{id}")
	ShipmentView shipment(Caller caller, @PathVariable UUID id) {
		return this.shipments.find(id)
			.filter(shipment -> visibleTo(caller, shipment))
			.map(this::view)
			.orElseThrow(() -> ApiProblem.notFound("No shipment " + id + "."));
	}

	@GetMapping("/api/shipments")
	ShipmentList ofOrder(Caller caller, @RequestParam UUID orderId) {
		return new ShipmentList(this.shipments.ofOrder(orderId)
			.stream()
			.filter(shipment -> visibleTo(caller, shipment))
			.map(this::view)
			.toList());
	}

	static boolean visibleTo(Caller caller, Shipment shipment) {
		return caller.isStaff() || caller.isBuyerOf(shipment.customerId())
				|| caller.receivesAt(shipment.siteId()) || caller.isCarrier(shipment.carrier());
	}

	private ShipmentView view(Shipment shipment) {
		return ShipmentView.of(shipment, this.shipments.lines(shipment.id()), this.shipments.timeline(shipment.id()));
	}

	record ShipmentList(List<ShipmentView> items) {
	}
}

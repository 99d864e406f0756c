package org.leverans.delivery.partner;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.ShipmentLine;
import org.leverans.delivery.shipment.Shipment;
import org.leverans.delivery.shipment.ShipmentStatus;
import org.leverans.delivery.shipment.Shipments;
import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A carrier's manifest: the shipments assigned to it, so it learns what to pick up without waiting for a file from
 * the supplier. A carrier sees only its own shipments, whatever it asks for.
 */
@RestController
class ManifestController {

	static final int MAX_PAGE_SIZE = 200;

	private final Shipments shipments;

	ManifestController(Shipments shipments) {
		this.shipments = shipments;
	}

	@GetMapping("/api/partner/v1/shipments")
	Manifest manifest(Caller caller, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (caller.carrier() == null || caller.carrier().isBlank()) {
			throw new AccessDeniedException("The token names no carrier");
		}
		ShipmentStatus wanted = parse(status, page, size);
		List<ManifestShipment> items = this.shipments.ofCarrier(caller.carrier(), wanted, page * size, size)
			.stream()
			.map(shipment -> ManifestShipment.of(shipment, this.shipments.lines(shipment.id())))
			.toList();
		return new Manifest(items, page, size, this.shipments.countOfCarrier(caller.carrier(), wanted));
	}

	private static ShipmentStatus parse(String status, int page, int size) {
		List<FieldProblem> errors = new ArrayList<>();
		ShipmentStatus wanted = null;
		if (status != null && !status.isBlank()) {
			try {
				wanted = ShipmentStatus.valueOf(status.trim());
			}
			catch (IllegalArgumentException ex) {
				errors.add(FieldProblem.field("status", "INVALID_STATUS",
						"'" + status + "' is not a shipment status; one of " + List.of(ShipmentStatus.values())));
			}
		}
		if (page < 0) {
			errors.add(FieldProblem.field("page", "INVALID_PAGE", "page must be 0 or more."));
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			errors.add(FieldProblem.field("size", "INVALID_SIZE", "size must be 1 to " + MAX_PAGE_SIZE + "."));
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.invalid("The manifest query is not valid.", errors);
		}
		return wanted;
	}

	record Manifest(List<ManifestShipment> items, int page, int size, long total) {
	}

	/** What a carrier needs to move a shipment: where to, when, and what. */
	record ManifestShipment(UUID id, String trackingNumber, String orderNumber, String status, UUID siteId,
			String siteName, String countryCode, String timeZone, LocalDate plannedDate,
			// "07:00", as orders name their slots, not Jackson's default "07:00:00".
			@JsonFormat(pattern = "HH:mm") LocalTime slotFrom, @JsonFormat(pattern = "HH:mm") LocalTime slotTo,
			DeliveryWindow window, List<ShipmentLine> lines) {

		static ManifestShipment of(Shipment s, List<ShipmentLine> lines) {
			return new ManifestShipment(s.id(), s.trackingNumber(), s.orderNumber(), s.status().name(), s.siteId(),
					s.siteName(), s.countryCode(), s.zone().getId(), s.plannedDate(), s.slotFrom(), s.slotTo(),
					s.window(), lines);
		}
	}
}

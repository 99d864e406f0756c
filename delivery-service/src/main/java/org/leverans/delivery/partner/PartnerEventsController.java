package org.leverans.delivery.partner;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import tools.jackson.databind.JsonNode;
import org.leverans.web.caller.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where logistics partners post what happened to their shipments: one event or a batch. Each event stands alone:
 * the valid ones are applied even when others are refused, and a resent event is acknowledged but not applied twice.
 */
@RestController
class PartnerEventsController {

	private final SharedTurns turns;

	private final PartnerEventParser parser;

	private final Clock clock;

	PartnerEventsController(SharedTurns turns, PartnerProperties properties, Clock clock) {
		this.turns = turns;
		this.parser = new PartnerEventParser(properties.maxBatchSize(), properties.maxClockSkew());
		this.clock = clock;
	}

	@PostMapping(path = "/api/partner/v1/shipment-events", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	BatchOutcome post(Caller caller, @RequestBody JsonNode body) {
		if (caller.carrier() == null || caller.carrier().isBlank()) {
			throw new AccessDeniedException("The token names no carrier");
		}
		PartnerEventParser.Parsed parsed = this.parser.parse(body, this.clock.instant());
		int accepted = 0;
		int duplicates = 0;
		List<Rejection> rejected = new ArrayList<>(parsed.rejections());
		List<ShipmentEventApplier.Outcome> outcomes = parsed.events().isEmpty() ? List.of()
				: this.turns.apply(caller.carrier(), parsed.events());
		for (int i = 0; i < outcomes.size(); i++) {
			PartnerEvent event = parsed.events().get(i);
			switch (outcomes.get(i)) {
				case APPLIED -> accepted++;
				case DUPLICATE -> duplicates++;
				case UNKNOWN_SHIPMENT -> rejected.add(new Rejection(event.index(), event.eventId(), "UNKNOWN_SHIPMENT",
						"No shipment of yours has this "
								+ ((event.shipmentId() != null) ? "shipmentId" : "trackingNumber") + "."));
			}
		}
		rejected.sort(Comparator.comparingInt(Rejection::index));
		return new BatchOutcome(accepted, duplicates, rejected);
	}
}

package org.leverans.delivery.partner;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;

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

	private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

	private final ShipmentEventApplier applier;

	private final PartnerEventParser parser;

	private final Clock clock;

	private final Semaphore turns;

	private final Duration admissionWait;

	PartnerEventsController(ShipmentEventApplier applier, PartnerProperties properties, Clock clock) {
		this.applier = applier;
		this.parser = new PartnerEventParser(properties.maxBatchSize(), properties.maxClockSkew());
		this.clock = clock;
		this.turns = new Semaphore(properties.concurrentBatches(), true);
		this.admissionWait = properties.admissionWait();
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
				: applyInTurn(caller.carrier(), parsed.events());
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

	/**
	 * Batches naming the same shipments wait for each other's locks anyway; more of them at once would only hold
	 * connections the outbox relay needs to pass on what was applied. Past a short wait, the carrier is told to come
	 * back, which its retries do safely.
	 */
	private List<ShipmentEventApplier.Outcome> applyInTurn(String carrier, List<PartnerEvent> events) {
		boolean admitted;
		try {
			admitted = this.turns.tryAcquire(this.admissionWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			admitted = false;
		}
		if (!admitted) {
			throw ApiProblem.unavailable("Too many event batches at once; send this one again shortly.", RETRY_AFTER);
		}
		try {
			return this.applier.applyAll(carrier, events);
		}
		finally {
			this.turns.release();
		}
	}
}

package org.leverans.delivery.partner;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.micrometer.context.ContextSnapshot;
import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.DeliveryWindowChanged;
import org.leverans.contracts.shipment.ProofOfDelivery;
import org.leverans.contracts.shipment.ShipmentDelivered;
import org.leverans.contracts.shipment.ShipmentException;
import org.leverans.contracts.shipment.ShipmentUpdated;
import org.leverans.delivery.accuracy.DeliveryPromises;
import org.leverans.delivery.shipment.Shipment;
import org.leverans.delivery.shipment.ShipmentStatus;
import org.leverans.delivery.shipment.Shipments;
import org.leverans.delivery.shipment.TimelineEvent;
import org.leverans.delivery.window.ArrivalHistory;
import org.leverans.delivery.window.DeliveryWindowPolicy;
import org.leverans.delivery.window.WindowEvidence;
import org.leverans.messaging.Outbox;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies partner events to their shipments: each event joins its shipment's timeline, the status follows the latest
 * occurredAt, the window is redrawn, and the resulting events go to the outbox. A batch costs a handful of
 * statements however many events it has: its shipments are locked in one, its events recorded in one, and the
 * shipments' rows, the windows they showed and the outgoing events are written in one each as it commits. Requests
 * that wait for a turn together are applied together ({@link SharedTurns}), so single events posted at once share
 * those statements too.
 */
@Component
class ShipmentEventApplier {

	enum Outcome {
		APPLIED, DUPLICATE, UNKNOWN_SHIPMENT
	}

	private final Shipments shipments;

	private final DeliveryWindowPolicy windows;

	private final ArrivalHistory arrivals;

	private final DeliveryPromises promises;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private static final int MAX_ATTEMPTS = 3;

	ShipmentEventApplier(Shipments shipments, DeliveryWindowPolicy windows, ArrivalHistory arrivals,
			DeliveryPromises promises, Outbox outbox, PlatformTransactionManager transactionManager, Clock clock) {
		this.shipments = shipments;
		this.windows = windows;
		this.arrivals = arrivals;
		this.promises = promises;
		this.outbox = outbox;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Applies a carrier's batch, in the order given, in one transaction: one commit for the batch is most of what
	 * ingesting it costs. Every event is checked before anything is written, so each stands alone; what could still
	 * fail is the database, and then nothing of the batch is applied and the carrier sends it again.
	 */
	List<Outcome> applyAll(String carrier, List<PartnerEvent> events) {
		return applyTogether(List.of(new Posting(carrier, events, null))).getFirst();
	}

	/**
	 * Applies several requests' events in one transaction, as {@link #applyAll} applies one's: each request's events
	 * after those of the same carrier's requests before it (carriers never share a shipment, so their order among
	 * each other changes nothing).
	 * @return each request's outcomes, in the order of its events
	 */
	List<List<Outcome>> applyTogether(List<Posting> postings) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute(status -> applyInTransaction(postings));
			}
			catch (PessimisticLockingFailureException ex) {
				// A lock wait cut short by the database (e.g. another statement's deadlock): try again.
				if (attempt == MAX_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/**
	 * A request's events, and the context (its trace above all) their outgoing events are published in; null for the
	 * calling thread's own.
	 */
	record Posting(String carrier, List<PartnerEvent> events, ContextSnapshot context) {
	}

	private List<List<Outcome>> applyInTransaction(List<Posting> postings) {
		// Carrier by carrier in one order, so two transactions lock their shipments in the same order and cannot
		// deadlock; a carrier's shipments are its own, so carriers do not see each other's events.
		Map<String, List<Posting>> byCarrier = new TreeMap<>();
		postings.forEach(posting -> byCarrier.computeIfAbsent(posting.carrier(), c -> new ArrayList<>()).add(posting));
		// Every carrier's shipments are locked and its events recorded before any is applied: a lock reads shipments,
		// so after an applied event it would first have to write what that event changed.
		List<Received> received = new ArrayList<>();
		byCarrier.forEach((carrier, ofCarrier) -> received.add(receive(carrier, ofCarrier)));

		Map<Posting, List<Outcome>> outcomes = new IdentityHashMap<>();
		for (Received batch : received) {
			List<Outcome> all = apply(batch);
			int from = 0;
			for (Posting posting : batch.postings()) {
				outcomes.put(posting, all.subList(from, from + posting.events().size()));
				from += posting.events().size();
			}
		}
		return postings.stream().map(outcomes::get).toList();
	}

	/** Locks the shipments a carrier's events name and records the events in their timelines. */
	private Received receive(String carrier, List<Posting> postings) {
		Set<UUID> ids = new HashSet<>();
		Set<String> trackingNumbers = new HashSet<>();
		for (Posting posting : postings) {
			for (PartnerEvent event : posting.events()) {
				if (event.shipmentId() != null) {
					ids.add(event.shipmentId());
				}
				if (event.trackingNumber() != null) {
					trackingNumbers.add(event.trackingNumber());
				}
			}
		}
		// Every shipment of the batch is locked at once, and each event then sees the shipment as the events before
		// it left it.
		Map<UUID, Shipment> locked = new HashMap<>();
		for (Shipment shipment : this.shipments.lockForCarrier(carrier, ids, trackingNumbers)) {
			locked.put(shipment.id(), shipment);
		}
		Map<String, UUID> byTrackingNumber = new HashMap<>();
		locked.values().forEach(shipment -> byTrackingNumber.put(shipment.trackingNumber(), shipment.id()));

		// The batch's events join their timelines in one statement, before any is applied: which of them the carrier
		// had sent before is then known from what it did not insert. Only an event id's first use in the batch is
		// offered, as it was the one inserted when each event was recorded in turn.
		List<Named> batch = new ArrayList<>();
		List<Shipments.ReceivedEvent> offered = new ArrayList<>();
		Set<String> offeredIds = new HashSet<>();
		for (Posting posting : postings) {
			for (PartnerEvent event : posting.events()) {
				Shipment shipment = named(event, locked, byTrackingNumber);
				Instant now = this.clock.instant();
				boolean first = shipment != null && offeredIds.add(event.eventId());
				if (first) {
					offered.add(new Shipments.ReceivedEvent(shipment.id(), timelineEvent(event, now)));
				}
				batch.add(new Named(event, (shipment != null) ? shipment.id() : null, first, now, posting.context()));
			}
		}
		return new Received(carrier, postings, batch, locked, this.shipments.recordEvents(carrier, offered));
	}

	/** @return each event's outcome, in the order received */
	private List<Outcome> apply(Received received) {
		// Recorded events not applied yet: a timeline read while applying one must not show those after it.
		Set<String> ahead = new HashSet<>(received.recorded());
		Map<UUID, Shipment> locked = received.locked();
		List<Outcome> outcomes = new ArrayList<>(received.events().size());
		for (Named event : received.events()) {
			if (event.shipmentId() == null) {
				outcomes.add(Outcome.UNKNOWN_SHIPMENT);
			}
			else if (!event.first() || !received.recorded().contains(event.partnerEvent().eventId())) {
				outcomes.add(Outcome.DUPLICATE);
			}
			else {
				ahead.remove(event.partnerEvent().eventId());
				Shipment after;
				try (ContextSnapshot.Scope scope = (event.context() != null) ? event.context().setThreadLocals()
						: null) {
					after = apply(received.carrier(), locked.get(event.shipmentId()), event.partnerEvent(), event.at(),
							ahead);
				}
				locked.put(after.id(), after);
				outcomes.add(Outcome.APPLIED);
			}
		}
		return outcomes;
	}

	/**
	 * A carrier's events of the transaction, received: its shipments they name, locked, and the ids of the events
	 * recorded (those not recorded were known already).
	 */
	private record Received(String carrier, List<Posting> postings, List<Named> events, Map<UUID, Shipment> locked,
			Set<String> recorded) {
	}

	/**
	 * An event of the batch with the shipment it names (null if none of the carrier's), whether it is its id's first
	 * use in the batch, when it was received, and the context of the request that posted it.
	 */
	private record Named(PartnerEvent partnerEvent, UUID shipmentId, boolean first, Instant at,
			ContextSnapshot context) {
	}

	/** The shipment the event names; when it names both, id and tracking number must be of the same one. */
	private static Shipment named(PartnerEvent event, Map<UUID, Shipment> locked, Map<String, UUID> byTrackingNumber) {
		UUID id = (event.shipmentId() != null) ? event.shipmentId() : byTrackingNumber.get(event.trackingNumber());
		Shipment shipment = (id != null) ? locked.get(id) : null;
		if (shipment != null && event.trackingNumber() != null
				&& !event.trackingNumber().equals(shipment.trackingNumber())) {
			return null;
		}
		return shipment;
	}

	private static TimelineEvent timelineEvent(PartnerEvent event, Instant receivedAt) {
		return new TimelineEvent(event.eventId(), event.type().name(), event.occurredAt(), receivedAt, event.eta(),
				event.position(), event.proofOfDelivery(), event.reason());
	}

	/**
	 * Applies an event already recorded in the shipment's timeline; the shipment row and the window it shows are
	 * written with the batch's others as the transaction commits.
	 *
	 * @param ahead the batch's recorded events not applied yet, left out of the timeline this event sees
	 * @return the shipment as the event leaves it
	 */
	private Shipment apply(String carrier, Shipment before, PartnerEvent event, Instant now, Set<String> ahead) {
		Instant occurredAt = event.occurredAt();

		// Events arrive late and out of order: only one that occurred no earlier than the current status moves it.
		ShipmentStatus status = before.status();
		Instant statusAt = before.statusOccurredAt();
		Optional<ShipmentStatus> implied = event.type().status();
		if (implied.isPresent() && status != ShipmentStatus.CANCELLED
				&& (statusAt == null || !occurredAt.isBefore(statusAt))) {
			status = implied.get();
			statusAt = occurredAt;
		}
		Instant eta = before.eta();
		Instant etaAt = before.etaOccurredAt();
		if (event.eta() != null && (etaAt == null || !occurredAt.isBefore(etaAt))) {
			eta = event.eta();
			etaAt = occurredAt;
		}
		Instant latestEventAt = (before.latestEventAt() == null || occurredAt.isAfter(before.latestEventAt()))
				? occurredAt : before.latestEventAt();
		boolean newlyDelivered = event.type() == PartnerEventType.DELIVERED && before.deliveredAt() == null;
		Instant deliveredAt = newlyDelivered ? occurredAt : before.deliveredAt();
		ProofOfDelivery proof = newlyDelivered ? event.proofOfDelivery() : before.proofOfDelivery();

		Shipment progressed = before.withProgress(status, statusAt, eta, etaAt, latestEventAt, deliveredAt, proof,
				before.window());
		DeliveryWindow window = this.windows.current(WindowEvidence.of(progressed), this.arrivals.calibrationOf(carrier),
				now);
		if (DeliveryWindowPolicy.sameWindow(window, before.window())) {
			window = before.window();
		}
		else {
			this.shipments.recordWindow(before.id(), window);
		}
		Shipment after = progressed.withProgress(status, statusAt, eta, etaAt, latestEventAt, deliveredAt, proof,
				window);
		this.shipments.update(after);
		if (newlyDelivered) {
			this.promises.recordArrival(after, deliveredAt);
			// Every ETA of the timeline (this event's included) against the arrival, for the carrier's next windows.
			this.arrivals.record(after, this.shipments.timeline(after.id())
				.stream()
				.filter(recorded -> !ahead.contains(recorded.eventId()))
				.toList());
		}
		publish(before, after, event);
		return after;
	}

	private void publish(Shipment before, Shipment after, PartnerEvent event) {
		this.outbox.publish(after.orderId(), after.id(),
				new ShipmentUpdated(after.id(), after.orderId(), after.customerId(), after.siteId(), after.carrier(),
						after.trackingNumber(), after.status().name(), event.type().name(), event.occurredAt(),
						after.window()));
		if (this.windows.movedNotably(before.window(), after.window())) {
			this.outbox.publish(after.orderId(), after.id(),
					new DeliveryWindowChanged(after.id(), after.orderId(), after.customerId(), after.siteId(),
							after.status().name(), after.window(), before.window()));
		}
		if (after.deliveredAt() != null && before.deliveredAt() == null) {
			this.outbox.publish(after.orderId(), after.id(),
					new ShipmentDelivered(after.id(), after.orderId(), after.customerId(), after.siteId(),
							after.carrier(), after.trackingNumber(), after.deliveredAt(), after.proofOfDelivery(),
							after.shipmentsInOrder()));
		}
		if (event.type().isException()) {
			this.outbox.publish(after.orderId(), after.id(),
					new ShipmentException(after.id(), after.orderId(), after.customerId(), after.siteId(),
							after.carrier(), after.trackingNumber(), event.type().name(), event.reason(),
							event.occurredAt()));
		}
	}
}

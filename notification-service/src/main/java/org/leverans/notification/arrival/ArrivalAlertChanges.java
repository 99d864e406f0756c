package org.leverans.notification.arrival;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.WindowConfidence;
import org.leverans.messaging.WrittenOncePerTransaction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.leverans.messaging.WrittenOncePerTransaction.column;

/**
 * What a transaction's shipment events change in {@code arrival_alert}, written as it commits: a carrier's batch
 * re-times the alerts of up to hundreds of shipments, and a statement per event was half of what this service sent
 * PostgreSQL per partner event. Nothing in the inbox's transaction reads the table back, so the changes need no
 * flush; the recurring pass that sends the alerts reads them in its own transactions, once committed.
 * <p>
 * A statement may not change a row twice, so the changes go in rounds: each round holds at most one change per
 * shipment, in the order the transaction made them, and runs as one statement per kind of change. A shipment's plans
 * that follow one another are first made into the one plan they amount to, so a batch of scans and estimates needs
 * one round, whatever it repeats.
 */
@Repository
class ArrivalAlertChanges {

	private final JdbcClient jdbc;

	private final WrittenOncePerTransaction<Change> changes;

	ArrivalAlertChanges(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.changes = WrittenOncePerTransaction.of(this::write);
	}

	/**
	 * Times the shipment's alert by its window, adding it if the shipment has none; one withdrawn stays so.
	 * @param arrivingAt when the partner said the truck is arriving, or null
	 */
	void plan(UUID shipmentId, UUID orderId, UUID customerId, UUID siteId, String carrier, String trackingNumber,
			String status, DeliveryWindow window, Instant due, Instant arrivingAt, Instant now) {
		this.changes.add(new Change(Kind.PLAN, shipmentId, orderId, customerId, siteId, carrier, trackingNumber, status,
				window, due, arrivingAt, false, now));
	}

	/**
	 * Keeps what is known of a shipment that has an alert but no window to time it by.
	 * @param dueNow the partner says the truck is arriving: the alert is due now
	 */
	void keep(UUID shipmentId, String status, boolean dueNow, Instant now) {
		this.changes.add(new Change(Kind.KEEP, shipmentId, null, null, null, null, null, status, null, null, null,
				dueNow, now));
	}

	/** The shipment will not arrive any more: its alert, if pending, is withdrawn. */
	void withdraw(UUID shipmentId, Instant now) {
		this.changes.add(new Change(Kind.WITHDRAW, shipmentId, null, null, null, null, null, null, null, null, null,
				false, now));
	}

	private void write(List<Change> made) {
		for (List<Change> round : rounds(folded(made))) {
			insertOrRetime(round.stream().filter(change -> change.kind() == Kind.PLAN).toList());
			keep(round.stream().filter(change -> change.kind() == Kind.KEEP).toList());
			withdraw(round.stream().filter(change -> change.kind() == Kind.WITHDRAW).toList());
		}
	}

	/** The changes, each of a shipment's plans that directly follow one another made into one. */
	private static List<Change> folded(List<Change> made) {
		List<Change> folded = new ArrayList<>();
		Map<UUID, Integer> lastOf = new HashMap<>();
		for (Change change : made) {
			Integer last = lastOf.get(change.shipmentId());
			if (last != null && change.kind() == Kind.PLAN && folded.get(last).kind() == Kind.PLAN) {
				folded.set(last, folded.get(last).then(change));
			}
			else {
				lastOf.put(change.shipmentId(), folded.size());
				folded.add(change);
			}
		}
		return folded;
	}

	/** The n-th change of each shipment in the n-th round, in the order made: rounds applied in turn do what each did. */
	private static List<List<Change>> rounds(List<Change> changes) {
		List<List<Change>> rounds = new ArrayList<>();
		Map<UUID, Integer> seen = new HashMap<>();
		for (Change change : changes) {
			int round = seen.merge(change.shipmentId(), 1, Integer::sum) - 1;
			if (round == rounds.size()) {
				rounds.add(new ArrayList<>());
			}
			rounds.get(round).add(change);
		}
		return rounds;
	}

	// Once the shared alert is sent the window still moves on: people with shorter lead times are timed by it.
	private void insertOrRetime(List<Change> plans) {
		if (plans.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO arrival_alert (shipment_id, order_id, customer_id, site_id, carrier, tracking_number,
				                           status, window_from, window_to, window_basis, window_updated_at,
				                           window_confidence, window_samples, window_coverage,
				                           window_usual_width_minutes, due_at, arriving_at, updated_at)
				SELECT shipment_id::uuid, order_id::uuid, customer_id::uuid, site_id::uuid, carrier, tracking_number,
				       status, window_from::timestamptz, window_to::timestamptz, window_basis,
				       window_updated_at::timestamptz, window_confidence, window_samples::int,
				       window_coverage::double precision, window_usual_width_minutes::int, due_at::timestamptz,
				       arriving_at::timestamptz, updated_at::timestamptz
				FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
				            ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
				            ?::text[], ?::text[])
				     WITH ORDINALITY AS plan(shipment_id, order_id, customer_id, site_id, carrier, tracking_number,
				                             status, window_from, window_to, window_basis, window_updated_at,
				                             window_confidence, window_samples, window_coverage,
				                             window_usual_width_minutes, due_at, arriving_at, updated_at, position)
				ORDER BY position
				ON CONFLICT (shipment_id) DO UPDATE
				SET carrier = coalesce(EXCLUDED.carrier, arrival_alert.carrier),
				    tracking_number = coalesce(EXCLUDED.tracking_number, arrival_alert.tracking_number),
				    status = coalesce(EXCLUDED.status, arrival_alert.status),
				    window_from = EXCLUDED.window_from, window_to = EXCLUDED.window_to,
				    window_basis = EXCLUDED.window_basis, window_updated_at = EXCLUDED.window_updated_at,
				    window_confidence = EXCLUDED.window_confidence, window_samples = EXCLUDED.window_samples,
				    window_coverage = EXCLUDED.window_coverage,
				    window_usual_width_minutes = EXCLUDED.window_usual_width_minutes,
				    due_at = CASE WHEN arrival_alert.arriving_at IS NOT NULL THEN arrival_alert.due_at
				                  ELSE EXCLUDED.due_at END,
				    arriving_at = coalesce(arrival_alert.arriving_at, EXCLUDED.arriving_at),
				    updated_at = EXCLUDED.updated_at
				WHERE arrival_alert.cancelled_at IS NULL""")
			.params(column(plans, Change::shipmentId), column(plans, Change::orderId),
					column(plans, Change::customerId), column(plans, Change::siteId), column(plans, Change::carrier),
					column(plans, Change::trackingNumber), column(plans, Change::status),
					column(plans, change -> change.window().from()), column(plans, change -> change.window().to()),
					column(plans, change -> change.window().basis()),
					column(plans, change -> change.window().updatedAt()),
					column(plans, change -> confidence(change, WindowConfidence::kind)),
					column(plans, change -> confidence(change, WindowConfidence::samples)),
					column(plans, change -> confidence(change, WindowConfidence::coverage)),
					column(plans, change -> confidence(change, WindowConfidence::usualWidthMinutes)),
					column(plans, Change::due), column(plans, Change::arrivingAt), column(plans, Change::now))
			.update();
	}

	private void keep(List<Change> kept) {
		if (kept.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				UPDATE arrival_alert
				SET status = coalesce(kept.status, arrival_alert.status),
				    due_at = CASE WHEN kept.due_now::boolean THEN kept.now::timestamptz ELSE arrival_alert.due_at END,
				    arriving_at = CASE WHEN kept.due_now::boolean
				                       THEN coalesce(arrival_alert.arriving_at, kept.now::timestamptz)
				                       ELSE arrival_alert.arriving_at END,
				    updated_at = kept.now::timestamptz
				FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS kept(shipment_id, status, due_now, now)
				WHERE arrival_alert.shipment_id = kept.shipment_id::uuid AND arrival_alert.cancelled_at IS NULL""")
			.params(column(kept, Change::shipmentId), column(kept, Change::status), column(kept, Change::dueNow),
					column(kept, Change::now))
			.update();
	}

	private void withdraw(List<Change> withdrawn) {
		if (withdrawn.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				UPDATE arrival_alert SET cancelled_at = withdrawn.now::timestamptz, updated_at = withdrawn.now::timestamptz
				FROM unnest(?::text[], ?::text[]) AS withdrawn(shipment_id, now)
				WHERE arrival_alert.shipment_id = withdrawn.shipment_id::uuid AND arrival_alert.cancelled_at IS NULL""")
			.params(column(withdrawn, Change::shipmentId), column(withdrawn, Change::now))
			.update();
	}

	private static Object confidence(Change change, Function<WindowConfidence, Object> part) {
		WindowConfidence confidence = change.window().confidence();
		return (confidence != null) ? part.apply(confidence) : null;
	}


	private enum Kind {

		PLAN, KEEP, WITHDRAW

	}

	/** One change as the transaction made it; which fields count depends on its kind. */
	private record Change(Kind kind, UUID shipmentId, UUID orderId, UUID customerId, UUID siteId, String carrier,
			String trackingNumber, String status, DeliveryWindow window, Instant due, Instant arrivingAt,
			boolean dueNow, Instant now) {

		/**
		 * This plan and then {@code later}, as one: applied to any row (none, pending or withdrawn) it leaves what the
		 * two would one after the other. A row it adds has this plan's order, customer and site, which the later one
		 * would not change; the later carrier, tracking number and status unless it had none; the later window; and
		 * once a plan said arriving, that plan's due time and arrival stay.
		 */
		Change then(Change later) {
			boolean arriving = this.arrivingAt != null;
			return new Change(Kind.PLAN, this.shipmentId, this.orderId, this.customerId, this.siteId,
					(later.carrier != null) ? later.carrier : this.carrier,
					(later.trackingNumber != null) ? later.trackingNumber : this.trackingNumber,
					(later.status != null) ? later.status : this.status, later.window,
					arriving ? this.due : later.due, arriving ? this.arrivingAt : later.arrivingAt, false, later.now);
		}
	}
}

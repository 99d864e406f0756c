package org.leverans.delivery.shipment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.ProofOfDelivery;
import org.leverans.contracts.shipment.ShipmentLine;
import org.leverans.contracts.shipment.WindowConfidence;
import org.leverans.messaging.WrittenOncePerTransaction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.leverans.messaging.WrittenOncePerTransaction.column;

/**
 * The shipment tables: shipments with their lines, partner events and the windows they showed. What a transaction
 * saves of its shipments and the windows they showed are written in one statement each as it commits (a carrier's
 * batch changes many shipments, a window refresh hundreds); the reads here write them first, so they see them.
 */
@Repository
public class Shipments {

	private static final String COLUMNS = """
			id, order_id, order_number, customer_id, site_id, site_name, country_code, time_zone, carrier,
			tracking_number, status, status_occurred_at, planned_date, slot_from, slot_to, shipments_in_order,
			planned_at, eta, eta_occurred_at, latest_event_at, delivered_at, pod_signed_by, pod_note, window_from,
			window_to, window_basis, window_updated_at, window_confidence, window_samples, window_coverage,
			window_usual_width_minutes""";

	private final JdbcClient jdbc;

	private final WrittenOncePerTransaction<Shipment> updated;

	private final WrittenOncePerTransaction<ShownWindow> shown;

	Shipments(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.updated = WrittenOncePerTransaction.of(this::writeUpdates);
		this.shown = WrittenOncePerTransaction.of(this::writeWindows);
	}

	public void insert(Shipment s, List<ShipmentLine> lines) {
		this.jdbc.sql("INSERT INTO shipment (" + COLUMNS + """
				) VALUES (:id, :orderId, :orderNumber, :customerId, :siteId, :siteName, :country, :zone, :carrier,
				:tracking, :status, :statusAt, :plannedDate, :slotFrom, :slotTo, :inOrder, :plannedAt, NULL, NULL,
				NULL, NULL, NULL, NULL, :from, :to, :basis, :updatedAt, :confidence, :samples, :coverage, :usualWidth)""")
			.param("id", s.id())
			.param("orderId", s.orderId())
			.param("orderNumber", s.orderNumber())
			.param("customerId", s.customerId())
			.param("siteId", s.siteId())
			.param("siteName", s.siteName())
			.param("country", s.countryCode())
			.param("zone", s.zone().getId())
			.param("carrier", s.carrier())
			.param("tracking", s.trackingNumber())
			.param("status", s.status().name())
			.param("statusAt", ts(s.statusOccurredAt()))
			.param("plannedDate", s.plannedDate())
			.param("slotFrom", s.slotFrom())
			.param("slotTo", s.slotTo())
			.param("inOrder", s.shipmentsInOrder())
			.param("plannedAt", ts(s.plannedAt()))
			.param("from", ts(s.window().from()))
			.param("to", ts(s.window().to()))
			.param("basis", s.window().basis())
			.param("updatedAt", ts(s.window().updatedAt()))
			.param("confidence", kind(s.window().confidence()))
			.param("samples", samples(s.window().confidence()))
			.param("coverage", coverage(s.window().confidence()))
			.param("usualWidth", usualWidth(s.window().confidence()))
			.update();
		for (ShipmentLine line : lines) {
			this.jdbc.sql("""
					INSERT INTO shipment_line (shipment_id, line_no, sku, quantity, package_size)
					VALUES (?, ?, ?, ?, ?)""")
				.params(s.id(), line.lineNo(), line.sku(), line.quantity(), line.packageSize())
				.update();
		}
		recordWindow(s.id(), s.window());
	}

	/**
	 * Saves what partner events (or a cancellation, or a window redrawn) changed: status, ETA, delivery, and the
	 * window. Written with the transaction's other saves as it commits; call it only for a shipment the transaction
	 * has locked, so that nothing else changes the row meanwhile.
	 */
	public void update(Shipment s) {
		this.updated.add(s);
	}

	/**
	 * One statement for every shipment a transaction saved. A statement may not change a row twice, so a shipment
	 * saved several times (a batch's events for it one after another) goes in once, as last saved: what the saves one
	 * by one would have left.
	 */
	private void writeUpdates(List<Shipment> saves) {
		Map<UUID, Shipment> last = new LinkedHashMap<>();
		saves.forEach(s -> last.put(s.id(), s));
		List<Shipment> rows = List.copyOf(last.values());
		this.jdbc.sql("""
				UPDATE shipment SET status = saved.status, status_occurred_at = saved.status_occurred_at::timestamptz,
				    eta = saved.eta::timestamptz, eta_occurred_at = saved.eta_occurred_at::timestamptz,
				    latest_event_at = saved.latest_event_at::timestamptz, delivered_at = saved.delivered_at::timestamptz,
				    pod_signed_by = saved.pod_signed_by, pod_note = saved.pod_note,
				    window_from = saved.window_from::timestamptz, window_to = saved.window_to::timestamptz,
				    window_basis = saved.window_basis, window_updated_at = saved.window_updated_at::timestamptz,
				    window_confidence = saved.window_confidence, window_samples = saved.window_samples::int,
				    window_coverage = saved.window_coverage::double precision,
				    window_usual_width_minutes = saved.window_usual_width_minutes::int
				FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
				    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				    AS saved(id, status, status_occurred_at, eta, eta_occurred_at, latest_event_at, delivered_at,
				        pod_signed_by, pod_note, window_from, window_to, window_basis, window_updated_at,
				        window_confidence, window_samples, window_coverage, window_usual_width_minutes)
				WHERE shipment.id = saved.id::uuid""")
			.params(column(rows, Shipment::id), column(rows, Shipment::status),
					column(rows, Shipment::statusOccurredAt), column(rows, Shipment::eta),
					column(rows, Shipment::etaOccurredAt), column(rows, Shipment::latestEventAt),
					column(rows, Shipment::deliveredAt),
					column(rows, s -> (s.proofOfDelivery() != null) ? s.proofOfDelivery().signedBy() : null),
					column(rows, s -> (s.proofOfDelivery() != null) ? s.proofOfDelivery().note() : null),
					column(rows, s -> s.window().from()), column(rows, s -> s.window().to()),
					column(rows, s -> s.window().basis()), column(rows, s -> s.window().updatedAt()),
					column(rows, s -> kind(s.window().confidence())),
					column(rows, s -> samples(s.window().confidence())),
					column(rows, s -> coverage(s.window().confidence())),
					column(rows, s -> usualWidth(s.window().confidence())))
			.update();
	}

	/** Kept in the shipment's window history; written with the transaction's other windows as it commits. */
	public void recordWindow(UUID shipmentId, DeliveryWindow window) {
		this.shown.add(new ShownWindow(shipmentId, window));
	}

	/** One statement for every window a transaction recorded, in the order recorded: their ids keep that order. */
	private void writeWindows(List<ShownWindow> windows) {
		this.jdbc.sql("""
				INSERT INTO shipment_window (shipment_id, window_from, window_to, basis, shown_from, confidence, samples,
				    coverage, usual_width_minutes)
				SELECT shipment_id::uuid, window_from::timestamptz, window_to::timestamptz, basis,
				    shown_from::timestamptz, confidence, samples::int, coverage::double precision,
				    usual_width_minutes::int
				FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
				    ?::text[])
				    WITH ORDINALITY AS shown(shipment_id, window_from, window_to, basis, shown_from, confidence, samples,
				        coverage, usual_width_minutes, position)
				ORDER BY position""")
			.params(column(windows, ShownWindow::shipmentId), column(windows, w -> w.window().from()),
					column(windows, w -> w.window().to()), column(windows, w -> w.window().basis()),
					column(windows, w -> w.window().updatedAt()), column(windows, w -> kind(w.window().confidence())),
					column(windows, w -> samples(w.window().confidence())),
					column(windows, w -> coverage(w.window().confidence())),
					column(windows, w -> usualWidth(w.window().confidence())))
			.update();
	}

	/** The window the shipment showed at a given moment, if it existed then. */
	public Optional<DeliveryWindow> windowShownAt(UUID shipmentId, Instant at) {
		this.shown.flush();
		return this.jdbc.sql("""
				SELECT window_from, window_to, basis, shown_from, confidence, samples, coverage, usual_width_minutes
				FROM shipment_window
				WHERE shipment_id = ? AND shown_from <= ? ORDER BY shown_from DESC, id DESC LIMIT 1""")
			.params(shipmentId, ts(at))
			.query((rs, n) -> new DeliveryWindow(instant(rs, 1), instant(rs, 2), rs.getString(3), instant(rs, 4),
					confidence(rs, "confidence", "samples", "coverage", "usual_width_minutes")))
			.optional();
	}

	public Optional<Shipment> find(UUID id) {
		this.updated.flush();
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM shipment WHERE id = ?").param(id).query(Shipments::map).optional();
	}

	public List<Shipment> ofOrder(UUID orderId) {
		this.updated.flush();
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM shipment WHERE order_id = ? ORDER BY planned_date, tracking_number")
			.param(orderId)
			.query(Shipments::map)
			.list();
	}

	/** The order's shipments, locked against partner events being applied at the same time. */
	public List<Shipment> lockOfOrder(UUID orderId) {
		this.updated.flush();
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM shipment WHERE order_id = ? ORDER BY id FOR UPDATE")
			.param(orderId)
			.query(Shipments::map)
			.list();
	}

	public boolean planned(UUID orderId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM shipment WHERE order_id = ?)")
			.param(orderId)
			.query(Boolean.class)
			.single();
	}

	public boolean trackingNumberTaken(String trackingNumber) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM shipment WHERE tracking_number = ?)")
			.param(trackingNumber)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Locks the carrier's shipments among those named, by id or by tracking number, in one order (by id) whatever
	 * order they were named in, so that two batches naming the same shipments cannot deadlock. Another carrier's
	 * shipment is not found, exactly like one that does not exist.
	 */
	public List<Shipment> lockForCarrier(String carrier, Collection<UUID> ids, Collection<String> trackingNumbers) {
		this.updated.flush();
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM shipment WHERE carrier = :carrier
				AND (id = ANY(:ids) OR tracking_number = ANY(:trackings))
				ORDER BY id FOR UPDATE""")
			.param("carrier", carrier)
			.param("ids", ids.toArray(UUID[]::new))
			.param("trackings", trackingNumbers.toArray(String[]::new))
			.query(Shipments::map)
			.list();
	}

	/**
	 * Undelivered shipments with a carrier ETA not long past, locked for redrawing their windows; rows another
	 * instance is working on are skipped.
	 */
	public List<Shipment> lockOpenWithEta(Instant etaAfter, int limit) {
		this.updated.flush();
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM shipment WHERE delivered_at IS NULL AND eta > ?
				AND status NOT IN ('CANCELLED', 'RETURNED')
				ORDER BY eta LIMIT ? FOR UPDATE SKIP LOCKED""")
			.params(ts(etaAfter), limit)
			.query(Shipments::map)
			.list();
	}

	/** A carrier's shipments, optionally in one status, in the order they are due: planned date, then window. */
	public List<Shipment> ofCarrier(String carrier, ShipmentStatus status, int offset, int limit) {
		this.updated.flush();
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM shipment WHERE carrier = :carrier AND (CAST(:status AS TEXT) IS NULL OR status = :status)
				ORDER BY planned_date, window_from, tracking_number OFFSET :offset LIMIT :limit""")
			.param("carrier", carrier)
			.param("status", (status != null) ? status.name() : null)
			.param("offset", offset)
			.param("limit", limit)
			.query(Shipments::map)
			.list();
	}

	public long countOfCarrier(String carrier, ShipmentStatus status) {
		this.updated.flush();
		return this.jdbc.sql("""
				SELECT count(*) FROM shipment WHERE carrier = :carrier
				AND (CAST(:status AS TEXT) IS NULL OR status = :status)""")
			.param("carrier", carrier)
			.param("status", (status != null) ? status.name() : null)
			.query(Long.class)
			.single();
	}

	/** Shipments to these sites whose window ends today (in the site's own time zone) or later, soonest first. */
	public List<Shipment> arrivingAt(Collection<UUID> siteIds, Instant now, int limit) {
		if (siteIds.isEmpty()) {
			return List.of();
		}
		this.updated.flush();
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM shipment WHERE site_id IN (:sites) AND status <> 'CANCELLED'
				AND window_to >= (date_trunc('day', CAST(:now AS TIMESTAMPTZ) AT TIME ZONE time_zone) AT TIME ZONE time_zone)
				ORDER BY window_from, id LIMIT :limit""")
			.param("sites", siteIds)
			.param("now", ts(now))
			.param("limit", limit)
			.query(Shipments::map)
			.list();
	}

	public List<ShipmentLine> lines(UUID shipmentId) {
		return this.jdbc.sql("""
				SELECT line_no, sku, quantity, package_size FROM shipment_line WHERE shipment_id = ? ORDER BY line_no""")
			.param(shipmentId)
			.query((rs, n) -> new ShipmentLine(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
			.list();
	}

	public List<TimelineEvent> timeline(UUID shipmentId) {
		return this.jdbc.sql("""
				SELECT event_id, type, occurred_at, received_at, eta, lat, lon, pod_signed_by, pod_note, reason
				FROM shipment_event WHERE shipment_id = ? ORDER BY occurred_at, id""")
			.param(shipmentId)
			.query((rs, n) -> {
				Double lat = rs.getObject(6, Double.class);
				Double lon = rs.getObject(7, Double.class);
				String signedBy = rs.getString(8);
				String note = rs.getString(9);
				return new TimelineEvent(rs.getString(1), rs.getString(2), instant(rs, 3), instant(rs, 4),
						instant(rs, 5), (lat != null && lon != null) ? new TimelineEvent.Position(lat, lon) : null,
						(signedBy != null || note != null) ? new ProofOfDelivery(signedBy, note) : null,
						rs.getString(10));
			})
			.list();
	}

	/**
	 * Adds a carrier's events to their shipments' timelines in one statement, in the order given.
	 *
	 * @return the ids of those recorded now; any other the carrier had sent before (or a request racing this one has
	 * just sent: the statement waits for it), and it then changes nothing
	 */
	public Set<String> recordEvents(String carrier, List<ReceivedEvent> events) {
		if (events.isEmpty()) {
			return Set.of();
		}
		List<TimelineEvent> timeline = events.stream().map(ReceivedEvent::event).toList();
		return new HashSet<>(this.jdbc.sql("""
				INSERT INTO shipment_event (shipment_id, carrier, event_id, type, occurred_at, received_at, eta, lat,
				    lon, pod_signed_by, pod_note, reason)
				SELECT shipment_id::uuid, CAST(? AS TEXT), event_id, type, occurred_at::timestamptz,
				    received_at::timestamptz, eta::timestamptz, lat::double precision, lon::double precision,
				    pod_signed_by, pod_note, reason
				FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
				    ?::text[], ?::text[], ?::text[])
				    WITH ORDINALITY AS received(shipment_id, event_id, type, occurred_at, received_at, eta, lat, lon,
				        pod_signed_by, pod_note, reason, position)
				ORDER BY position
				ON CONFLICT (carrier, event_id) DO NOTHING
				RETURNING event_id""")
			.params(carrier, column(events, ReceivedEvent::shipmentId), column(timeline, TimelineEvent::eventId),
					column(timeline, TimelineEvent::type), column(timeline, TimelineEvent::occurredAt),
					column(timeline, TimelineEvent::receivedAt), column(timeline, TimelineEvent::eta),
					column(timeline, e -> (e.position() != null) ? e.position().lat() : null),
					column(timeline, e -> (e.position() != null) ? e.position().lon() : null),
					column(timeline, e -> (e.proofOfDelivery() != null) ? e.proofOfDelivery().signedBy() : null),
					column(timeline, e -> (e.proofOfDelivery() != null) ? e.proofOfDelivery().note() : null),
					column(timeline, TimelineEvent::reason))
			.query(String.class)
			.list());
	}

	/** A partner event for a shipment of the carrier's, as its timeline keeps it. */
	public record ReceivedEvent(UUID shipmentId, TimelineEvent event) {
	}

	/** A window a shipment showed, from {@code window.updatedAt()}. */
	private record ShownWindow(UUID shipmentId, DeliveryWindow window) {
	}

	public void rememberCancelled(UUID orderId, Instant cancelledAt) {
		this.jdbc.sql("INSERT INTO cancelled_order (order_id, cancelled_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(orderId, ts(cancelledAt))
			.update();
	}

	public boolean cancelled(UUID orderId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM cancelled_order WHERE order_id = ?)")
			.param(orderId)
			.query(Boolean.class)
			.single();
	}

	private static Shipment map(ResultSet rs, int row) throws SQLException {
		String signedBy = rs.getString("pod_signed_by");
		String note = rs.getString("pod_note");
		return new Shipment(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
				rs.getString("order_number"), rs.getObject("customer_id", UUID.class),
				rs.getObject("site_id", UUID.class), rs.getString("site_name"), rs.getString("country_code"),
				ZoneId.of(rs.getString("time_zone")), rs.getString("carrier"), rs.getString("tracking_number"),
				ShipmentStatus.valueOf(rs.getString("status")), instant(rs, "status_occurred_at"),
				rs.getObject("planned_date", java.time.LocalDate.class),
				rs.getObject("slot_from", java.time.LocalTime.class), rs.getObject("slot_to", java.time.LocalTime.class),
				rs.getInt("shipments_in_order"), instant(rs, "planned_at"), instant(rs, "eta"),
				instant(rs, "eta_occurred_at"), instant(rs, "latest_event_at"), instant(rs, "delivered_at"),
				(signedBy != null || note != null) ? new ProofOfDelivery(signedBy, note) : null,
				new DeliveryWindow(instant(rs, "window_from"), instant(rs, "window_to"), rs.getString("window_basis"),
						instant(rs, "window_updated_at"),
						confidence(rs, "window_confidence", "window_samples", "window_coverage",
								"window_usual_width_minutes")));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static WindowConfidence confidence(ResultSet rs, String kind, String samples, String coverage,
			String usualWidth) throws SQLException {
		String value = rs.getString(kind);
		return (value != null) ? new WindowConfidence(value, rs.getInt(samples), rs.getObject(coverage, Double.class),
				rs.getObject(usualWidth, Integer.class)) : null;
	}

	private static String kind(WindowConfidence confidence) {
		return (confidence != null) ? confidence.kind() : null;
	}

	private static Integer samples(WindowConfidence confidence) {
		return (confidence != null) ? confidence.samples() : null;
	}

	private static Double coverage(WindowConfidence confidence) {
		return (confidence != null) ? confidence.coverage() : null;
	}

	private static Integer usualWidth(WindowConfidence confidence) {
		return (confidence != null) ? confidence.usualWidthMinutes() : null;
	}


	private static Timestamp ts(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}
}

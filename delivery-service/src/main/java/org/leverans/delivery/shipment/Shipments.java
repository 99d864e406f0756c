package org.leverans.delivery.shipment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.ProofOfDelivery;
import org.leverans.contracts.shipment.ShipmentLine;
import org.leverans.contracts.shipment.WindowConfidence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The shipment tables: shipments with their lines, partner events and the windows they showed. */
@Repository
public class Shipments {

	private static final String COLUMNS = """
			id, order_id, order_number, customer_id, site_id, site_name, country_code, time_zone, carrier,
			tracking_number, status, status_occurred_at, planned_date, slot_from, slot_to, shipments_in_order,
			planned_at, eta, eta_occurred_at, latest_event_at, delivered_at, pod_signed_by, pod_note, window_from,
			window_to, window_basis, window_updated_at, window_confidence, window_samples, window_coverage,
			window_usual_width_minutes""";

	private final JdbcClient jdbc;

	Shipments(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	/** Saves what partner events changed: status, ETA, delivery, and the window. */
	public void update(Shipment s) {
		this.jdbc.sql("""
				UPDATE shipment SET status = :status, status_occurred_at = :statusAt, eta = :eta,
				eta_occurred_at = :etaAt, latest_event_at = :latest, delivered_at = :deliveredAt,
				pod_signed_by = :signedBy, pod_note = :note, window_from = :from, window_to = :to,
				window_basis = :basis, window_updated_at = :updatedAt, window_confidence = :confidence,
				window_samples = :samples, window_coverage = :coverage, window_usual_width_minutes = :usualWidth
				WHERE id = :id""")
			.param("status", s.status().name())
			.param("statusAt", ts(s.statusOccurredAt()))
			.param("eta", ts(s.eta()))
			.param("etaAt", ts(s.etaOccurredAt()))
			.param("latest", ts(s.latestEventAt()))
			.param("deliveredAt", ts(s.deliveredAt()))
			.param("signedBy", (s.proofOfDelivery() != null) ? s.proofOfDelivery().signedBy() : null)
			.param("note", (s.proofOfDelivery() != null) ? s.proofOfDelivery().note() : null)
			.param("from", ts(s.window().from()))
			.param("to", ts(s.window().to()))
			.param("basis", s.window().basis())
			.param("updatedAt", ts(s.window().updatedAt()))
			.param("confidence", kind(s.window().confidence()))
			.param("samples", samples(s.window().confidence()))
			.param("coverage", coverage(s.window().confidence()))
			.param("usualWidth", usualWidth(s.window().confidence()))
			.param("id", s.id())
			.update();
	}

	public void recordWindow(UUID shipmentId, DeliveryWindow window) {
		this.jdbc.sql("""
				INSERT INTO shipment_window (shipment_id, window_from, window_to, basis, shown_from, confidence, samples,
				coverage, usual_width_minutes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(shipmentId, ts(window.from()), ts(window.to()), window.basis(), ts(window.updatedAt()),
					kind(window.confidence()), samples(window.confidence()), coverage(window.confidence()),
					usualWidth(window.confidence()))
			.update();
	}

	/** The window the shipment showed at a given moment, if it existed then. */
	public Optional<DeliveryWindow> windowShownAt(UUID shipmentId, Instant at) {
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
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM shipment WHERE id = ?").param(id).query(Shipments::map).optional();
	}

	public List<Shipment> ofOrder(UUID orderId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM shipment WHERE order_id = ? ORDER BY planned_date, tracking_number")
			.param(orderId)
			.query(Shipments::map)
			.list();
	}

	/** The order's shipments, locked against partner events being applied at the same time. */
	public List<Shipment> lockOfOrder(UUID orderId) {
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
	 * Locks the carrier's shipment for applying an event. Another carrier's shipment is not found, exactly like one
	 * that does not exist.
	 */
	/**
	 * Locks the carrier's shipments among those named, by id or by tracking number, in one order (by id) whatever
	 * order they were named in, so that two batches naming the same shipments cannot deadlock.
	 */
	public List<Shipment> lockForCarrier(String carrier, Collection<UUID> ids, Collection<String> trackingNumbers) {
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

	/** @return false when the carrier already sent an event with this id, which then changes nothing */
	public boolean recordEvent(UUID shipmentId, String carrier, TimelineEvent event) {
		return this.jdbc.sql("""
				INSERT INTO shipment_event (shipment_id, carrier, event_id, type, occurred_at, received_at, eta, lat,
				lon, pod_signed_by, pod_note, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (carrier, event_id) DO NOTHING""")
			.params(shipmentId, carrier, event.eventId(), event.type(), ts(event.occurredAt()),
					ts(event.receivedAt()), ts(event.eta()),
					(event.position() != null) ? event.position().lat() : null,
					(event.position() != null) ? event.position().lon() : null,
					(event.proofOfDelivery() != null) ? event.proofOfDelivery().signedBy() : null,
					(event.proofOfDelivery() != null) ? event.proofOfDelivery().note() : null, event.reason())
			.update() == 1;
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

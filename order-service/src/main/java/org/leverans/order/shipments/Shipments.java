package org.leverans.order.shipments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.ShipmentLine;
import org.leverans.order.core.Columns;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The shipment view table. */
@Repository
public class Shipments {

	private static final TypeReference<List<ShipmentLine>> LINES = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			id, order_id, status, carrier, tracking_number, site_id, window_from, window_to, window_basis,
			window_updated_at, lines, picked_up, delivered_at, problem_code, problem_reason""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public Shipments(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public Optional<ShipmentView> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM shipment WHERE id = ?").param(id).query(this::view).optional();
	}

	public List<ShipmentView> ofOrder(UUID orderId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM shipment WHERE order_id = ? ORDER BY planned_at NULLS LAST, id")
			.param(orderId)
			.query(this::view)
			.list();
	}

	public Map<UUID, List<ShipmentView>> ofOrders(Collection<UUID> orderIds) {
		if (orderIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM shipment WHERE order_id IN (:ids) ORDER BY planned_at NULLS LAST, id")
			.param("ids", orderIds)
			.query(this::view)
			.list()
			.stream()
			.collect(Collectors.groupingBy(ShipmentView::orderId));
	}

	public void save(ShipmentView s, Instant plannedAt, Instant now) {
		DeliveryWindow w = s.window();
		this.jdbc.sql("""
				INSERT INTO shipment (id, order_id, status, carrier, tracking_number, site_id, window_from, window_to,
				    window_basis, window_updated_at, lines, picked_up, delivered_at, problem_code, problem_reason,
				    planned_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET status = excluded.status, carrier = excluded.carrier,
				    tracking_number = excluded.tracking_number, site_id = excluded.site_id,
				    window_from = excluded.window_from, window_to = excluded.window_to,
				    window_basis = excluded.window_basis, window_updated_at = excluded.window_updated_at,
				    lines = excluded.lines, picked_up = excluded.picked_up, delivered_at = excluded.delivered_at,
				    problem_code = excluded.problem_code, problem_reason = excluded.problem_reason,
				    planned_at = coalesce(shipment.planned_at, excluded.planned_at), updated_at = excluded.updated_at""")
			.params(s.id(), s.orderId(), s.status(), s.carrier(), s.trackingNumber(), s.siteId(),
					Columns.timestamp((w != null) ? w.from() : null), Columns.timestamp((w != null) ? w.to() : null),
					(w != null) ? w.basis() : null, Columns.timestamp((w != null) ? w.updatedAt() : null),
					this.json.writeValueAsString((s.lines() != null) ? s.lines() : List.of()), s.pickedUp(),
					Columns.timestamp(s.deliveredAt()), s.problemCode(), s.problemReason(),
					Columns.timestamp(plannedAt), Timestamp.from(now))
			.update();
	}

	/** How far the order's shipments are: delivered count and whether any has been picked up. */
	public Tally tally(UUID orderId) {
		return this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE status = 'DELIVERED'), coalesce(bool_or(picked_up), false)
				FROM shipment WHERE order_id = ?""")
			.param(orderId)
			.query((rs, n) -> new Tally(rs.getInt(1), rs.getBoolean(2)))
			.single();
	}

	public record Tally(int delivered, boolean anyPickedUp) {
	}

	private ShipmentView view(ResultSet rs, int row) throws SQLException {
		Instant from = Columns.instant(rs, "window_from");
		Instant to = Columns.instant(rs, "window_to");
		String basis = rs.getString("window_basis");
		DeliveryWindow window = (from != null || to != null || basis != null)
				? new DeliveryWindow(from, to, basis, Columns.instant(rs, "window_updated_at")) : null;
		return new ShipmentView(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
				rs.getString("status"), rs.getString("carrier"), rs.getString("tracking_number"),
				rs.getObject("site_id", UUID.class), window, this.json.readValue(rs.getString("lines"), LINES),
				rs.getBoolean("picked_up"), Columns.instant(rs, "delivered_at"), rs.getString("problem_code"),
				rs.getString("problem_reason"));
	}
}

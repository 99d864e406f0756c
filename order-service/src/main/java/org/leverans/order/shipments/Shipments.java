package org.leverans.order.shipments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.ShipmentLine;
import org.leverans.messaging.WrittenOncePerTransaction;
import org.leverans.order.core.Columns;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.leverans.messaging.WrittenOncePerTransaction.column;

/**
 * The shipment view table. A transaction's saves are written in one statement as it commits (a carrier's batch
 * brings many events for the same few shipments); the public reads write them first, so they see them.
 */
@Repository
public class Shipments {

	private static final TypeReference<List<ShipmentLine>> LINES = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			id, order_id, status, carrier, tracking_number, site_id, window_from, window_to, window_basis,
			window_updated_at, lines, picked_up, delivered_at, problem_code, problem_reason""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final WrittenOncePerTransaction<Saved> saved;

	public Shipments(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
		this.saved = WrittenOncePerTransaction.of(this::write);
	}

	public Optional<ShipmentView> find(UUID id) {
		this.saved.flush();
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM shipment WHERE id = ?").param(id).query(this::view).optional();
	}

	public List<ShipmentView> ofOrder(UUID orderId) {
		this.saved.flush();
		return firstRead(orderId);
	}

	/**
	 * The order's shipments without writing what the transaction saved so far: for {@link KnownShipments}, which
	 * reads an order once per transaction before it saves any of its shipments, so other orders' saves stay in the
	 * one statement at commit.
	 */
	List<ShipmentView> firstRead(UUID orderId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM shipment WHERE order_id = ? ORDER BY planned_at NULLS LAST, id")
			.param(orderId)
			.query(this::view)
			.list();
	}

	/** The orders' shipments, by order, without writing what the transaction saved so far (as {@link #firstRead}). */
	Map<UUID, List<ShipmentView>> firstRead(Collection<UUID> orderIds) {
		return this.jdbc.sql("SELECT " + COLUMNS
				+ " FROM shipment WHERE order_id = ANY(?) ORDER BY planned_at NULLS LAST, id")
			.param(orderIds.toArray(UUID[]::new))
			.query(this::view)
			.list()
			.stream()
			.collect(Collectors.groupingBy(ShipmentView::orderId));
	}

	public Map<UUID, List<ShipmentView>> ofOrders(Collection<UUID> orderIds) {
		if (orderIds.isEmpty()) {
			return Map.of();
		}
		this.saved.flush();
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM shipment WHERE order_id IN (:ids) ORDER BY planned_at NULLS LAST, id")
			.param("ids", orderIds)
			.query(this::view)
			.list()
			.stream()
			.collect(Collectors.groupingBy(ShipmentView::orderId));
	}

	/**
	 * Written with the transaction's other saved shipments, in one statement as it commits. Only
	 * {@link KnownShipments} saves, so a transaction's saved shipments are always of orders it has already read.
	 *
	 * @param plannedAt kept only while the shipment has none yet
	 */
	void save(ShipmentView s, Instant plannedAt, Instant now) {
		this.saved.add(new Saved(s, plannedAt, now));
	}

	/**
	 * One upsert for all shipments a transaction saved. A statement may not change a row twice, so a shipment saved
	 * several times goes in once, as last saved, with the first planned time any of its saves had: what the saves one
	 * by one would have left.
	 */
	private void write(List<Saved> saves) {
		Map<UUID, Saved> last = new LinkedHashMap<>();
		for (Saved save : saves) {
			last.merge(save.view().id(), save, (earlier, later) -> new Saved(later.view(),
					(earlier.plannedAt() != null) ? earlier.plannedAt() : later.plannedAt(), later.now()));
		}
		List<Saved> rows = List.copyOf(last.values());
		this.jdbc.sql("""
				INSERT INTO shipment (id, order_id, status, carrier, tracking_number, site_id, window_from, window_to,
				    window_basis, window_updated_at, lines, picked_up, delivered_at, problem_code, problem_reason,
				    planned_at, updated_at)
				SELECT id::uuid, order_id::uuid, status, carrier, tracking_number, site_id::uuid,
				    window_from::timestamptz, window_to::timestamptz, window_basis, window_updated_at::timestamptz,
				    lines::jsonb, picked_up::boolean, delivered_at::timestamptz, problem_code, problem_reason,
				    planned_at::timestamptz, updated_at::timestamptz
				FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
				    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				    AS saved(id, order_id, status, carrier, tracking_number, site_id, window_from, window_to,
				        window_basis, window_updated_at, lines, picked_up, delivered_at, problem_code, problem_reason,
				        planned_at, updated_at)
				ON CONFLICT (id) DO UPDATE SET status = excluded.status, carrier = excluded.carrier,
				    tracking_number = excluded.tracking_number, site_id = excluded.site_id,
				    window_from = excluded.window_from, window_to = excluded.window_to,
				    window_basis = excluded.window_basis, window_updated_at = excluded.window_updated_at,
				    lines = excluded.lines, picked_up = excluded.picked_up, delivered_at = excluded.delivered_at,
				    problem_code = excluded.problem_code, problem_reason = excluded.problem_reason,
				    planned_at = coalesce(shipment.planned_at, excluded.planned_at), updated_at = excluded.updated_at""")
			.params(column(rows, s -> s.view().id()), column(rows, s -> s.view().orderId()),
					column(rows, s -> s.view().status()), column(rows, s -> s.view().carrier()),
					column(rows, s -> s.view().trackingNumber()), column(rows, s -> s.view().siteId()),
					column(rows, s -> window(s, DeliveryWindow::from)), column(rows, s -> window(s, DeliveryWindow::to)),
					column(rows, s -> window(s, DeliveryWindow::basis)),
					column(rows, s -> window(s, DeliveryWindow::updatedAt)),
					column(rows, s -> this.json.writeValueAsString(
							(s.view().lines() != null) ? s.view().lines() : List.of())),
					column(rows, s -> s.view().pickedUp()), column(rows, s -> s.view().deliveredAt()),
					column(rows, s -> s.view().problemCode()), column(rows, s -> s.view().problemReason()),
					column(rows, Saved::plannedAt), column(rows, Saved::now))
			.update();
	}

	private static Object window(Saved save, Function<DeliveryWindow, Object> part) {
		DeliveryWindow window = save.view().window();
		return (window != null) ? part.apply(window) : null;
	}


	/** How far the order's shipments are: delivered count and whether any has been picked up. */
	public Tally tally(UUID orderId) {
		this.saved.flush();
		return this.jdbc.sql("""
				SELECT count(*) FILTER (WHERE status = 'DELIVERED'), coalesce(bool_or(picked_up), false)
				FROM shipment WHERE order_id = ?""")
			.param(orderId)
			.query((rs, n) -> new Tally(rs.getInt(1), rs.getBoolean(2)))
			.single();
	}

	public record Tally(int delivered, boolean anyPickedUp) {
	}

	private record Saved(ShipmentView view, Instant plannedAt, Instant now) {
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

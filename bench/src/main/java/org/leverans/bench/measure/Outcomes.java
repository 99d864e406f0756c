package org.leverans.bench.measure;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What became of the benchmark's orders, read from the services' own databases rather than from the client:
 * which are not yet decided (lost, once the settle period is over), which effects happened twice, and how long
 * acceptance took by the services' own clocks.
 */
public final class Outcomes {

	/** SQLSTATE 42P01: the view is not there. */
	private static final String UNDEFINED_TABLE = "42P01";

	/** States an order leaves only when an event has been applied; still there after settling means lost. */
	private static final Set<String> UNDECIDED = Set.of("PLACED", "VALIDATED");

	private final String serverUrl;

	public Outcomes(int postgresPort) {
		this.serverUrl = "jdbc:postgresql://localhost:" + postgresPort + "/";
	}

	public record Report(int undecided, int acceptedWithoutShipment, int doubledAcceptances, int doubledReservations,
			int doubledShipments, Percentiles placedToAccepted, Map<String, Integer> byStatus) {

		public int lost() {
			return this.undecided + this.acceptedWithoutShipment;
		}

		public int doubled() {
			return this.doubledAcceptances + this.doubledReservations + this.doubledShipments;
		}
	}

	public Report of(Collection<UUID> orders) throws SQLException {
		UUID[] ids = orders.toArray(UUID[]::new);
		Map<UUID, String> status = new HashMap<>();
		Map<UUID, Integer> shipmentsInOrder = new HashMap<>();
		List<Double> acceptance = new ArrayList<>();
		int doubledAcceptances = 0;
		try (Connection db = connect("orders")) {
			try (ResultSet rows = query(db, "SELECT id, status, shipments_in_order FROM customer_order WHERE id = ANY(?)",
					ids)) {
				while (rows.next()) {
					UUID id = rows.getObject(1, UUID.class);
					status.put(id, rows.getString(2));
					shipmentsInOrder.put(id, rows.getObject(3) != null ? rows.getInt(3) : 1);
				}
			}
			try (ResultSet rows = query(db, """
					SELECT count(*), extract(epoch FROM min(t.recorded_at) - o.placed_at) * 1000
					FROM customer_order o JOIN order_timeline t ON t.order_id = o.id AND t.type = 'OrderAccepted'
					WHERE o.id = ANY(?) GROUP BY o.id, o.placed_at""", ids)) {
				while (rows.next()) {
					if (rows.getInt(1) > 1) {
						doubledAcceptances++;
					}
					acceptance.add(rows.getDouble(2));
				}
			}
		}
		int doubledReservations = 0;
		try (Connection db = connect("credit");
				ResultSet rows = query(db,
						"""
						SELECT count(*) FROM credit_decision WHERE order_id = ANY(?) AND outcome = 'RESERVED'
						GROUP BY order_id HAVING count(*) > 1""",
						ids)) {
			while (rows.next()) {
				doubledReservations++;
			}
		}
		Map<UUID, Integer> shipments = new HashMap<>();
		try (Connection db = connect("delivery");
				ResultSet rows = query(db, "SELECT order_id, count(*) FROM shipment WHERE order_id = ANY(?) GROUP BY 1",
						ids)) {
			while (rows.next()) {
				shipments.put(rows.getObject(1, UUID.class), rows.getInt(2));
			}
		}
		int undecided = 0;
		int acceptedWithoutShipment = 0;
		int doubledShipments = 0;
		Map<String, Integer> byStatus = new HashMap<>();
		for (UUID id : ids) {
			String state = status.getOrDefault(id, "MISSING");
			byStatus.merge(state, 1, Integer::sum);
			int planned = shipments.getOrDefault(id, 0);
			if (UNDECIDED.contains(state) || "MISSING".equals(state)) {
				undecided++;
			}
			else if (!"REJECTED".equals(state) && !"ON_HOLD".equals(state) && !"CANCELLED".equals(state)
					&& planned == 0) {
				acceptedWithoutShipment++;
			}
			if (planned > shipmentsInOrder.getOrDefault(id, 1)) {
				doubledShipments++;
			}
		}
		return new Report(undecided, acceptedWithoutShipment, doubledAcceptances, doubledReservations,
				doubledShipments, Percentiles.of(acceptance), byStatus);
	}

	/** How many of these partner events delivery-service stored (each at most once: the id is unique per carrier). */
	public long partnerEventsStored(Collection<String> eventIds) throws SQLException {
		try (Connection db = connect("delivery");
				ResultSet rows = query(db, "SELECT count(*) FROM shipment_event WHERE event_id = ANY(?)",
						eventIds.toArray(String[]::new))) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** Events a service has recorded and not yet sent to Kafka: after settling, anything here is stuck. */
	public long unsentOutbox(String database) throws SQLException {
		try (Connection db = connect(database);
				ResultSet rows = db.createStatement()
					.executeQuery("SELECT count(*) FROM messaging.outbox_event WHERE sent_at IS NULL")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** Commits so far in the services' databases, from PostgreSQL's statistics. */
	public long commits(Collection<String> databases) throws SQLException {
		try (Connection db = connect("postgres");
				ResultSet rows = query(db, "SELECT coalesce(sum(xact_commit), 0) FROM pg_stat_database WHERE datname = ANY(?)",
						databases.toArray(String[]::new))) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/**
	 * Statements executed so far per database, from {@code pg_stat_statements}; empty when the server does not load
	 * it (the local platform does; a PostgreSQL of one's own may not).
	 */
	public Map<String, Long> statements(Collection<String> databases) throws SQLException {
		Map<String, Long> calls = new TreeMap<>();
		try (Connection db = connect("postgres");
				ResultSet rows = query(db, """
						SELECT d.datname, sum(s.calls) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
						WHERE d.datname = ANY(?) GROUP BY d.datname""", databases.toArray(String[]::new))) {
			while (rows.next()) {
				calls.put(rows.getString(1), rows.getLong(2));
			}
		}
		catch (SQLException ex) {
			if (!UNDEFINED_TABLE.equals(ex.getSQLState())) {
				throw ex;
			}
		}
		return calls;
	}

	/** {@code fsync=…, synchronous_commit=…}: whether the figures were taken with durable commits. */
	public String durability() throws SQLException {
		try (Connection db = connect("postgres");
				ResultSet rows = db.createStatement()
					.executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit')")) {
			rows.next();
			return "fsync=" + rows.getString(1) + ", synchronous_commit=" + rows.getString(2);
		}
	}

	private Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(this.serverUrl + database, "postgres", "postgres");
	}

	private static ResultSet query(Connection db, String sql, Object[] ids) throws SQLException {
		PreparedStatement statement = db.prepareStatement(sql);
		statement.closeOnCompletion();
		Array array = db.createArrayOf((ids instanceof UUID[]) ? "uuid" : "text", ids);
		statement.setArray(1, array);
		return statement.executeQuery();
	}
}

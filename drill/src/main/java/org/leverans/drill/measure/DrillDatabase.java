package org.leverans.drill.measure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the drill reads from the services' own databases beyond the benchmark's {@code Outcomes}: an order's status,
 * doubled shipment events, the live stream's rows and the mail queue.
 */
public final class DrillDatabase {

	private final String serverUrl;

	public DrillDatabase(int postgresPort) {
		this.serverUrl = "jdbc:postgresql://localhost:" + postgresPort + "/";
	}

	/** Each order's status in order-service; an order it does not know is left out. */
	public Map<UUID, String> statuses(Collection<UUID> orders) throws SQLException {
		Map<UUID, String> statuses = new HashMap<>();
		try (Connection db = connect("orders");
				PreparedStatement query = db.prepareStatement("SELECT id, status FROM customer_order WHERE id = ANY(?)")) {
			query.setArray(1, db.createArrayOf("uuid", orders.toArray()));
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					statuses.put(rows.getObject(1, UUID.class), rows.getString(2));
				}
			}
		}
		return statuses;
	}

	/** How many of these partner events delivery-service stored, each counted once. */
	public long eventsStored(Collection<String> eventIds) throws SQLException {
		return count("delivery", "SELECT count(DISTINCT event_id) FROM shipment_event WHERE event_id = ANY(?)",
				eventIds);
	}

	/**
	 * Partner events applied more than once: stored twice by delivery-service, or recorded twice in an order's
	 * timeline (the same shipment, moment and change) since {@code since}.
	 */
	public long eventsDoubled(Collection<String> eventIds, Instant since) throws SQLException {
		long stored = count("delivery", """
				SELECT count(*) FROM (SELECT event_id FROM shipment_event WHERE event_id = ANY(?)
				                      GROUP BY event_id HAVING count(*) > 1) twice""", eventIds);
		long recorded;
		try (Connection db = connect("orders"); PreparedStatement query = db.prepareStatement("""
				SELECT coalesce(sum(n - 1), 0) FROM (
				    SELECT count(*) AS n FROM order_timeline
				    WHERE type = 'ShipmentUpdated' AND recorded_at >= ?
				    GROUP BY order_id, shipment_id, occurred_at, summary HAVING count(*) > 1) twice""")) {
			query.setTimestamp(1, Timestamp.from(since));
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				recorded = rows.getLong(1);
			}
		}
		return stored + recorded;
	}

	/** A live-stream row: its id (the SSE id) and when it was recorded. */
	public record StreamRow(long id, Instant createdAt) {
	}

	/**
	 * The rows a buyer of {@code customer} may see on the live stream with ids in {@code (after, upTo]}: the
	 * company's changes, not aimed at one person.
	 */
	public List<StreamRow> streamRows(UUID customer, long after, long upTo) throws SQLException {
		List<StreamRow> found = new ArrayList<>();
		try (Connection db = connect("notification"); PreparedStatement query = db.prepareStatement("""
				SELECT id, created_at FROM stream_event
				WHERE customer_id = ? AND recipient IS NULL AND id > ? AND id <= ? ORDER BY id""")) {
			query.setObject(1, customer);
			query.setLong(2, after);
			query.setLong(3, upTo);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					found.add(new StreamRow(rows.getLong(1), rows.getTimestamp(2).toInstant()));
				}
			}
		}
		return found;
	}

	/** The id of the last live-stream row a buyer of {@code customer} may see, or 0 if there is none. */
	public long lastStreamRow(UUID customer) throws SQLException {
		try (Connection db = connect("notification"); PreparedStatement query = db.prepareStatement(
				"SELECT coalesce(max(id), 0) FROM stream_event WHERE customer_id = ? AND recipient IS NULL")) {
			query.setObject(1, customer);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	/**
	 * The e-mails queued since {@code since}, by what became of them.
	 * @param late delivered, but not at the first try
	 */
	public record Mail(long delivered, long late, long pending, long failed) {
	}

	public Mail mailSince(Instant since) throws SQLException {
		try (Connection db = connect("notification"); PreparedStatement query = db.prepareStatement("""
				SELECT count(*) FILTER (WHERE status = 'DELIVERED'),
				       count(*) FILTER (WHERE status = 'DELIVERED' AND attempts > 1),
				       count(*) FILTER (WHERE status = 'PENDING'),
				       count(*) FILTER (WHERE status = 'FAILED')
				FROM mail_delivery WHERE created_at >= ?""")) {
			query.setTimestamp(1, Timestamp.from(since));
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return new Mail(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4));
			}
		}
	}

	private long count(String database, String sql, Collection<String> ids) throws SQLException {
		try (Connection db = connect(database); PreparedStatement query = db.prepareStatement(sql)) {
			query.setArray(1, db.createArrayOf("text", ids.toArray()));
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	private Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(this.serverUrl + database, "postgres", "postgres");
	}
}

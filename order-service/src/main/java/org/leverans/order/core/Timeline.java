package org.leverans.order.core;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.order.status.OrderStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every event applied to an order, in the order it was applied. Entries that changed the order's status carry the
 * new status; together they are the status history.
 */
@Repository
public class Timeline {

	private final JdbcClient jdbc;

	public Timeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(Entry entry) {
		this.jdbc.sql("""
				INSERT INTO order_timeline (order_id, recorded_at, occurred_at, type, summary, status, reason,
				    shipment_id, event_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(entry.orderId(), Timestamp.from(entry.recordedAt()),
					(entry.occurredAt() != null) ? Timestamp.from(entry.occurredAt()) : null, entry.type(),
					entry.summary(), (entry.status() != null) ? entry.status().name() : null, entry.reason(),
					entry.shipmentId(), entry.eventId())
			.update();
	}

	public List<Entry> of(UUID orderId) {
		return this.jdbc.sql("""
				SELECT order_id, recorded_at, occurred_at, type, summary, status, reason, shipment_id, event_id
				FROM order_timeline WHERE order_id = ? ORDER BY id""").param(orderId).query((rs, n) -> {
			Timestamp occurred = rs.getTimestamp(3);
			String status = rs.getString(6);
			return new Entry(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
					(occurred != null) ? occurred.toInstant() : null, rs.getString(4), rs.getString(5),
					(status != null) ? OrderStatus.valueOf(status) : null, rs.getString(7),
					rs.getObject(8, UUID.class), rs.getString(9));
		}).list();
	}

	/**
	 * @param occurredAt when it happened according to its source (e.g. a partner's scan), if known
	 * @param status the order's status after this entry, if the entry changed it
	 * @param eventId the CloudEvents id of the event applied, if it came from Kafka
	 */
	public record Entry(UUID orderId, Instant recordedAt, Instant occurredAt, String type, String summary,
			OrderStatus status, String reason, UUID shipmentId, String eventId) {

		public static Entry event(UUID orderId, Instant recordedAt, Instant occurredAt, String type, String summary,
				UUID shipmentId, String eventId) {
			return new Entry(orderId, recordedAt, occurredAt, type, summary, null, null, shipmentId, eventId);
		}

		public static Entry statusChange(UUID orderId, Instant at, String type, OrderStatus status, String reason) {
			return new Entry(orderId, at, at, type, "Order is now " + status, status, reason, null, null);
		}
	}
}

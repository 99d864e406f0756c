package org.leverans.credit.decision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders that were cancelled or rejected, so a late OrderValidated for one of them reserves nothing. */
@Repository
public class ClosedOrders {

	private final JdbcClient jdbc;

	ClosedOrders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void close(UUID orderId, String reason, Instant at) {
		this.jdbc.sql("INSERT INTO closed_order (order_id, reason, closed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(orderId, reason, Timestamp.from(at))
			.update();
	}

	public boolean closed(UUID orderId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM closed_order WHERE order_id = ?)")
			.param(orderId)
			.query(Boolean.class)
			.single();
	}
}

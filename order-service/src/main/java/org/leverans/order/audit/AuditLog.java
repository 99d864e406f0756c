package org.leverans.order.audit;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit log of what staff did on customers' behalf. An entry is written in the transaction of what it records,
 * so there is never an order placed on a customer's behalf without its entry, nor an entry without its order.
 */
@Component
public class AuditLog {

	private static final int MAX_ENTRIES = 200;

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(AuditEntry entry) {
		this.jdbc.sql("""
				INSERT INTO audit_entry (at, actor, action, customer_id, customer_name, order_id, summary)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(entry.at()), entry.actor(), entry.action(), entry.customerId(), entry.customerName(),
					entry.orderId(), entry.summary())
			.update();
	}

	/** The newest entries first, for one customer or one order when given. */
	List<AuditEntry> entries(UUID customerId, UUID orderId) {
		return this.jdbc.sql("""
				SELECT id, at, actor, action, customer_id, customer_name, order_id, summary FROM audit_entry
				WHERE (CAST(:customer AS UUID) IS NULL OR customer_id = :customer)
				  AND (CAST(:order AS UUID) IS NULL OR order_id = :order)
				ORDER BY at DESC, id DESC LIMIT :limit""")
			.param("customer", customerId)
			.param("order", orderId)
			.param("limit", MAX_ENTRIES)
			.query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getObject(7, UUID.class),
					rs.getString(8)))
			.list();
	}
}

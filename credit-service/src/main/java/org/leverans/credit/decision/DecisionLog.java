package org.leverans.credit.decision;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.Reason;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every credit decision about an order, automatic or by a person. */
@Repository
public class DecisionLog {

	public enum Outcome {

		RESERVED, DECLINED, REVIEW_REQUIRED

	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	DecisionLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void record(UUID orderId, UUID customerId, Outcome outcome, BigDecimal amount, String currency,
			List<Reason> reasons, String rating, String decidedBy, Instant decidedAt) {
		this.jdbc.sql("""
				INSERT INTO credit_decision (order_id, customer_id, outcome, amount, currency, reasons, rating,
				    decided_by, decided_at)
				VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
			.params(orderId, customerId, outcome.name(), amount, currency, this.json.writeValueAsString(reasons),
					rating, decidedBy, Timestamp.from(decidedAt))
			.update();
	}

	public boolean decided(UUID orderId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM credit_decision WHERE order_id = ?)")
			.param(orderId)
			.query(Boolean.class)
			.single();
	}

	public List<Outcome> outcomes(UUID orderId) {
		return this.jdbc.sql("SELECT outcome FROM credit_decision WHERE order_id = ? ORDER BY id")
			.param(orderId)
			.query((rs, n) -> Outcome.valueOf(rs.getString(1)))
			.list();
	}
}

package org.leverans.agreement.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.leverans.contracts.Reason;
import org.leverans.contracts.validation.OrderValidated;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The orders waiting for an agreement manager, and those decided. */
@Repository
class Approvals {

	private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			order_id, order_number, customer_id, agreement_id, placed_by, placed_at, month, total, currency, reasons,
			validated, status, requested_at, expires_at, decided_by, decided_at, note""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Approvals(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** @return {@code false} if the order waits already (a redelivered event) */
	boolean open(Approval approval) {
		return this.jdbc.sql("""
				INSERT INTO order_approval (order_id, order_number, customer_id, agreement_id, placed_by, placed_at,
				    month, total, currency, reasons, validated, status, requested_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, 'PENDING', ?, ?) ON CONFLICT DO NOTHING""")
			.params(approval.orderId(), approval.orderNumber(), approval.customerId(), approval.agreementId(),
					approval.placedBy(), timestamp(approval.placedAt()), approval.month().atDay(1), approval.total(),
					approval.currency(), this.json.writeValueAsString(approval.reasons()),
					this.json.writeValueAsString(approval.validated()), Timestamp.from(approval.requestedAt()),
					Timestamp.from(approval.expiresAt()))
			.update() == 1;
	}

	Optional<Approval> find(UUID orderId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM order_approval WHERE order_id = ?")
			.param(orderId)
			.query(this::approval)
			.optional();
	}

	/** Reads the approval and holds its row lock, so a decision, the expiry and a cancellation apply one at a time. */
	Optional<Approval> lock(UUID orderId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM order_approval WHERE order_id = ? FOR UPDATE")
			.param(orderId)
			.query(this::approval)
			.optional();
	}

	/** A customer's approvals in these statuses, the oldest request first. */
	List<Approval> ofCustomer(UUID customerId, List<Approval.Status> statuses, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM order_approval WHERE customer_id = ? AND status = ANY(?)
				ORDER BY requested_at, order_id LIMIT ?""")
			.params(customerId, statuses.stream().map(Enum::name).toArray(String[]::new), limit)
			.query(this::approval)
			.list();
	}

	/**
	 * Pending approvals past their time, locked; rows another instance is expiring are skipped, so each expires
	 * once.
	 */
	List<Approval> lockDue(Instant now, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM order_approval WHERE status = 'PENDING' AND expires_at <= ?
				ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED""")
			.params(Timestamp.from(now), limit)
			.query(this::approval)
			.list();
	}

	void close(UUID orderId, Approval.Status status, String decidedBy, Instant at, String note) {
		this.jdbc.sql("""
				UPDATE order_approval SET status = ?, decided_by = ?, decided_at = ?, note = ?
				WHERE order_id = ? AND status = 'PENDING'""")
			.params(status.name(), decidedBy, Timestamp.from(at), note, orderId)
			.update();
	}

	private Approval approval(ResultSet rs, int row) throws SQLException {
		Timestamp placedAt = rs.getTimestamp("placed_at");
		Timestamp decidedAt = rs.getTimestamp("decided_at");
		return new Approval(rs.getObject("order_id", UUID.class), rs.getString("order_number"),
				rs.getObject("customer_id", UUID.class), rs.getObject("agreement_id", UUID.class),
				rs.getString("placed_by"), (placedAt != null) ? placedAt.toInstant() : null,
				YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getBigDecimal("total"),
				rs.getString("currency"), this.json.readValue(rs.getString("reasons"), REASONS),
				this.json.readValue(rs.getString("validated"), OrderValidated.class),
				Approval.Status.valueOf(rs.getString("status")), rs.getTimestamp("requested_at").toInstant(),
				rs.getTimestamp("expires_at").toInstant(), rs.getString("decided_by"),
				(decidedAt != null) ? decidedAt.toInstant() : null, rs.getString("note"));
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}
}

package org.leverans.credit.decision;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.leverans.contracts.Money;
import org.leverans.contracts.Reason;
import org.leverans.credit.decision.CreditReview.Status;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CreditReviews {

	private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			id, order_id, order_number, customer_id, amount, currency, reasons, status, requested_at, closed_by, closed_at""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final RowMapper<CreditReview> rows = this::review;

	CreditReviews(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void open(CreditReview review) {
		this.jdbc.sql("INSERT INTO credit_review (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, NULL, NULL)")
			.params(review.id(), review.orderId(), review.orderNumber(), review.customerId(), review.amount(), review.currency(),
					this.json.writeValueAsString(review.reasons()), review.status().name(),
					Timestamp.from(review.requestedAt()))
			.update();
	}

	public Optional<CreditReview> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM credit_review WHERE id = ?").param(id).query(this.rows).optional();
	}

	public Optional<CreditReview> findOpenForOrder(UUID orderId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM credit_review WHERE order_id = ? AND status = 'OPEN'")
			.param(orderId)
			.query(this.rows)
			.optional();
	}

	/** Locks the review row; callers lock the customer's account first, like every credit decision. */
	public Optional<CreditReview> lock(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM credit_review WHERE id = ? FOR UPDATE")
			.param(id)
			.query(this.rows)
			.optional();
	}

	public List<CreditReview> withStatus(List<Status> statuses) {
		String[] names = statuses.stream().map(Status::name).toArray(String[]::new);
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM credit_review WHERE status = ANY(?) ORDER BY requested_at, id")
			.param(names)
			.query(this.rows)
			.list();
	}

	public void updateReasons(UUID id, List<Reason> reasons) {
		this.jdbc.sql("UPDATE credit_review SET reasons = ?::jsonb WHERE id = ?")
			.params(this.json.writeValueAsString(reasons), id)
			.update();
	}

	public void close(UUID id, Status status, String by, Instant at) {
		this.jdbc.sql("UPDATE credit_review SET status = ?, closed_by = ?, closed_at = ? WHERE id = ?")
			.params(status.name(), by, Timestamp.from(at), id)
			.update();
	}

	public void recordAction(UUID reviewId, CreditReview.Action action) {
		this.jdbc.sql("""
				INSERT INTO credit_review_action (review_id, decision, reason, outcome, decided_by, decided_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(reviewId, action.decision(), action.reason(), action.outcome(), action.decidedBy(),
					Timestamp.from(action.decidedAt()))
			.update();
	}

	public List<CreditReview.Action> actions(UUID reviewId) {
		return this.jdbc.sql("""
				SELECT decision, reason, outcome, decided_by, decided_at FROM credit_review_action
				WHERE review_id = ? ORDER BY id""")
			.param(reviewId)
			.query((rs, n) -> new CreditReview.Action(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	private CreditReview review(ResultSet rs, int row) throws SQLException {
		Timestamp closedAt = rs.getTimestamp("closed_at");
		BigDecimal amount = rs.getBigDecimal("amount");
		return new CreditReview(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
				rs.getString("order_number"),
				rs.getObject("customer_id", UUID.class), Money.cents(amount), rs.getString("currency"),
				this.json.readValue(rs.getString("reasons"), REASONS), Status.valueOf(rs.getString("status")),
				rs.getTimestamp("requested_at").toInstant(), rs.getString("closed_by"),
				(closedAt != null) ? closedAt.toInstant() : null);
	}

}

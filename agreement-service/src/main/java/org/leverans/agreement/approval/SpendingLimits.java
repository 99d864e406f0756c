package org.leverans.agreement.approval;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.leverans.agreement.approval.SpendingLimit.Budgeted;
import org.leverans.agreement.approval.SpendingLimit.Scope;
import org.leverans.messaging.OncePerTransaction;
import org.leverans.messaging.WrittenOncePerTransaction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The limits of each agreement and what orders have spent against them, month by month. */
@Repository
public class SpendingLimits {

	private final JdbcClient jdbc;

	private final OncePerTransaction<Limit, Optional<SpendingLimit>> locked;

	SpendingLimits(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.locked = OncePerTransaction.of(this::readLocked);
	}

	public List<SpendingLimit> of(UUID agreementId) {
		return this.jdbc.sql("""
				SELECT scope, subject, order_limit, monthly_budget, currency, updated_by, updated_at
				FROM spending_limit WHERE agreement_id = ? ORDER BY scope, subject""")
			.param(agreementId)
			.query(SpendingLimits::limit)
			.list();
	}

	public Optional<SpendingLimit> find(UUID agreementId, Budgeted who) {
		return this.jdbc.sql("""
				SELECT scope, subject, order_limit, monthly_budget, currency, updated_by, updated_at
				FROM spending_limit WHERE agreement_id = ? AND scope = ? AND subject = ?""")
			.params(agreementId, who.scope().name(), who.subject())
			.query(SpendingLimits::limit)
			.optional();
	}

	public void put(UUID agreementId, SpendingLimit limit) {
		this.jdbc.sql("""
				INSERT INTO spending_limit (agreement_id, scope, subject, order_limit, monthly_budget, currency,
				    updated_by, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (agreement_id, scope, subject) DO UPDATE SET order_limit = EXCLUDED.order_limit,
				    monthly_budget = EXCLUDED.monthly_budget, currency = EXCLUDED.currency,
				    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
			.params(agreementId, limit.who().scope().name(), limit.who().subject(), limit.orderLimit(),
					limit.monthlyBudget(), limit.currency(), limit.updatedBy(), Timestamp.from(limit.updatedAt()))
			.update();
	}

	/** @return {@code false} if there was no such limit */
	public boolean remove(UUID agreementId, Budgeted who) {
		return this.jdbc.sql("DELETE FROM spending_limit WHERE agreement_id = ? AND scope = ? AND subject = ?")
			.params(agreementId, who.scope().name(), who.subject())
			.update() == 1;
	}

	/**
	 * The limits for these orderers and sites, each row locked until the transaction ends. Orders under the same
	 * limit are thereby checked one after the other: the second sees what the first spent, so a budget is never
	 * overspent by orders checked at the same moment. Rows are locked in one order ({@link Budgeted#compareTo}).
	 */
	public Map<Budgeted, SpendingLimit> lock(UUID agreementId, Collection<Budgeted> whom) {
		Map<Budgeted, SpendingLimit> locked = new LinkedHashMap<>();
		for (Budgeted who : whom.stream().distinct().sorted().toList()) {
			this.locked.get(new Limit(agreementId, who)).ifPresent(limit -> locked.put(who, limit));
		}
		return locked;
	}

	/** A row locked stays as read until the transaction ends: a poll batch's orders under one limit read it once. */
	private Optional<SpendingLimit> readLocked(Limit limit) {
		return this.jdbc.sql("""
				SELECT scope, subject, order_limit, monthly_budget, currency, updated_by, updated_at
				FROM spending_limit WHERE agreement_id = ? AND scope = ? AND subject = ? FOR UPDATE""")
			.params(limit.agreementId(), limit.who().scope().name(), limit.who().subject())
			.query(SpendingLimits::limit)
			.optional();
	}

	private record Limit(UUID agreementId, Budgeted who) {
	}

	/** What each has spent in the month, counting only orders not cancelled or rejected. */
	public Map<Budgeted, BigDecimal> spent(UUID agreementId, Collection<Budgeted> whom, YearMonth month) {
		Map<Budgeted, BigDecimal> spent = new LinkedHashMap<>();
		for (Budgeted who : whom) {
			BigDecimal sum = this.jdbc.sql("""
					SELECT coalesce(sum(amount), 0) FROM order_spend
					WHERE agreement_id = ? AND scope = ? AND subject = ? AND month = ? AND released_at IS NULL""")
				.params(agreementId, who.scope().name(), who.subject(), month.atDay(1))
				.query(BigDecimal.class)
				.single();
			spent.put(who, sum);
		}
		return spent;
	}

	/** Records what an order spends; an order is recorded once, whatever redelivers it. */
	public void record(UUID orderId, UUID agreementId, YearMonth month, List<OrderSpend> spends, Instant at) {
		if (spends.isEmpty()) {
			return;
		}
		// Every budget the order counts against (its orderer's and each of its sites') in one statement: a statement
		// each was two of the ten an order cost here.
		this.jdbc.sql("""
				INSERT INTO order_spend (order_id, agreement_id, scope, subject, month, amount, recorded_at)
				SELECT ?, ?, spend.scope, spend.subject, ?, spend.amount::numeric, ?
				FROM unnest(?::text[], ?::text[], ?::text[]) AS spend(scope, subject, amount)
				ON CONFLICT DO NOTHING""")
			.params(orderId, agreementId, month.atDay(1), Timestamp.from(at),
					WrittenOncePerTransaction.column(spends, spend -> spend.who().scope()),
					WrittenOncePerTransaction.column(spends, spend -> spend.who().subject()),
					WrittenOncePerTransaction.column(spends, OrderSpend::amount))
			.update();
	}

	/** A cancelled or rejected order no longer counts against any budget. */
	public void release(UUID orderId, Instant at) {
		this.jdbc.sql("UPDATE order_spend SET released_at = ? WHERE order_id = ? AND released_at IS NULL")
			.params(Timestamp.from(at), orderId)
			.update();
	}

	private static SpendingLimit limit(ResultSet rs, int row) throws SQLException {
		return new SpendingLimit(new Budgeted(Scope.valueOf(rs.getString("scope")), rs.getString("subject")),
				rs.getBigDecimal("order_limit"), rs.getBigDecimal("monthly_budget"), rs.getString("currency"),
				rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
	}
}

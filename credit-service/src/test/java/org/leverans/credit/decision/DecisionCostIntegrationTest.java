package org.leverans.credit.decision;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.order.OrderCancelled;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.credit.account.CreditAccount;
import org.leverans.credit.testing.CreditServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A credit decision costs the same however many reservations the customer has on file. Rows read are counted by
 * PostgreSQL itself ({@code pg_stat_xact_user_tables}, the current transaction's own counters), never timed.
 */
class DecisionCostIntegrationTest extends CreditServiceIntegrationTest {

	@Autowired
	CreditAssessment assessment;

	@Autowired
	CreditReleases releases;

	@Test
	void decisionReadsTheSameReservationRowsWithAHundredOrAHundredThousandOnFile() {
		CreditAccount few = accountWithReservations(100);
		CreditAccount many = accountWithReservations(100_000);
		OrderValidated small = validated(few.customerId(), "10.00", "EUR");
		OrderValidated large = validated(many.customerId(), "10.00", "EUR");

		TableReads withFew = readsOfReservations(() -> this.assessment.assess(small));
		TableReads withMany = readsOfReservations(() -> this.assessment.assess(large));

		assertThat(withMany).isEqualTo(withFew);
		assertThat(withMany.seqScans()).isZero();
		assertThat(withMany.rowsRead()).isLessThanOrEqualTo(1);
		assertThat(exposure(many.customerId())).isEqualByComparingTo(openReservationTotal(many.customerId()));
		assertThat(this.accounts.reservation(large.orderId())).isPresent();
	}

	@Test
	void releaseReadsTheSameReservationRowsWithAHundredOrAHundredThousandOnFile() {
		CreditAccount few = accountWithReservations(100);
		CreditAccount many = accountWithReservations(100_000);

		UUID smallOrder = anOpenReservation(few);
		UUID largeOrder = anOpenReservation(many);

		TableReads withFew = readsOfReservations(() -> cancel(few, smallOrder));
		TableReads withMany = readsOfReservations(() -> cancel(many, largeOrder));

		assertThat(withMany).isEqualTo(withFew);
		assertThat(withMany.seqScans()).isZero();
		assertThat(withMany.rowsRead()).isLessThanOrEqualTo(1);
		assertThat(this.accounts.reservation(largeOrder).orElseThrow().open()).isFalse();
		assertThat(exposure(many.customerId())).isEqualByComparingTo(openReservationTotal(many.customerId()));
	}

	@Test
	void countsTheRowsTheOldSumOfOpenReservationsRead() {
		// Shows the counters see a read that grows with the reservations, so the tests above are not vacuous.
		CreditAccount many = accountWithReservations(100_000);

		TableReads sum = readsOfReservations(() -> openReservationTotal(many.customerId()));

		assertThat(sum.rowsRead()).isGreaterThanOrEqualTo(80_000);
	}

	/**
	 * An account with {@code count} reservations made in SQL, a fifth of them released, its exposure stored as
	 * credit-service keeps it, and fresh planner statistics, as autovacuum would leave them on a busy system.
	 */
	private CreditAccount accountWithReservations(int count) {
		CreditAccount account = newAccount("1000000000.00");
		this.jdbc.update("""
				INSERT INTO reservation (order_id, customer_id, amount, currency, status, reserved_by, reserved_at)
				SELECT gen_random_uuid(), ?, 10.00 + g % 100, 'EUR',
				       CASE WHEN g % 5 = 0 THEN 'RELEASED' ELSE 'OPEN' END, 'test', now() - g * interval '1 minute'
				FROM generate_series(1, ?) AS g""", account.customerId(), count);
		this.jdbc.update("""
				UPDATE credit_account SET exposure = (SELECT sum(amount) FROM reservation
				    WHERE customer_id = ? AND status = 'OPEN')
				WHERE customer_id = ?""", account.customerId(), account.customerId());
		this.jdbc.execute("ANALYZE reservation");
		return account;
	}

	private UUID anOpenReservation(CreditAccount account) {
		return this.jdbc.queryForObject(
				"SELECT order_id FROM reservation WHERE customer_id = ? AND status = 'OPEN' LIMIT 1", UUID.class,
				account.customerId());
	}

	private void cancel(CreditAccount account, UUID orderId) {
		this.releases.cancelled(
				new OrderCancelled(orderId, "LV-1", account.customerId(), "anna", "changed plans", Instant.now()));
	}

	/** What {@code action} read from the reservation table, counted in the transaction it runs in. */
	private TableReads readsOfReservations(Runnable action) {
		return this.transactions.execute(status -> {
			TableReads before = reservationReads();
			action.run();
			return reservationReads().minus(before);
		});
	}

	private TableReads reservationReads() {
		return this.jdbc.queryForObject("""
				SELECT coalesce(sum(seq_scan), 0), coalesce(sum(seq_tup_read), 0), coalesce(sum(idx_scan), 0),
				       coalesce(sum(idx_tup_fetch), 0)
				FROM pg_stat_xact_user_tables WHERE schemaname = 'public' AND relname = 'reservation'""",
				(rs, row) -> new TableReads(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
	}

	/** Scans of one table and the rows they returned, from PostgreSQL's statistics counters. */
	record TableReads(long seqScans, long seqRowsRead, long indexScans, long indexRowsFetched) {

		long rowsRead() {
			return this.seqRowsRead + this.indexRowsFetched;
		}

		TableReads minus(TableReads before) {
			return new TableReads(this.seqScans - before.seqScans, this.seqRowsRead - before.seqRowsRead,
					this.indexScans - before.indexScans, this.indexRowsFetched - before.indexRowsFetched);
		}
	}
}

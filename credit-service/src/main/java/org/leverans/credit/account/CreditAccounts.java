package org.leverans.credit.account;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.leverans.contracts.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Credit accounts and their reservations. An account's exposure is the sum of its open reservations and its unpaid
 * invoices ({@link Receivables}); it is stored on the account row and changed by the same statement that reserves,
 * releases, invoices or settles, so it can never drift from them, and a decision reads it without reading them.
 */
@Repository
public class CreditAccounts {

	private static final String COLUMNS = """
			customer_id, business_id, company_name, currency, credit_limit, exposure, limit_expires_on, blocked,
			blocked_reason""";

	private final JdbcClient jdbc;

	CreditAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<CreditAccount> find(UUID customerId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM credit_account WHERE customer_id = ?")
			.param(customerId)
			.query(CreditAccounts::account)
			.optional();
	}

	public List<CreditAccount> findAll() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM credit_account ORDER BY company_name")
			.query(CreditAccounts::account)
			.list();
	}

	/**
	 * Reads the account and locks its row until the transaction ends, so decisions about one customer's credit
	 * happen one after another and never see an exposure that another transaction is about to change.
	 */
	public Optional<CreditAccount> lock(UUID customerId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM credit_account WHERE customer_id = ? FOR UPDATE")
			.param(customerId)
			.query(CreditAccounts::account)
			.optional();
	}

	/** A new account has no reservations, so its exposure starts at zero whatever {@code account} says. */
	public void create(CreditAccount account, String by, Instant at) {
		this.jdbc.sql("""
				INSERT INTO credit_account (customer_id, business_id, company_name, currency, credit_limit,
				    limit_expires_on, blocked, blocked_reason, updated_by, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(account.customerId(), account.businessId(), account.companyName(), account.currency(),
					account.limit(), account.limitExpiresOn(), account.blocked(), account.blockedReason(), by,
					Timestamp.from(at))
			.update();
	}

	public boolean changeLimit(UUID customerId, BigDecimal limit, LocalDate expiresOn, String by, Instant at) {
		return this.jdbc.sql("""
				UPDATE credit_account SET credit_limit = ?, limit_expires_on = ?, updated_by = ?, updated_at = ?
				WHERE customer_id = ?""")
			.params(limit, expiresOn, by, Timestamp.from(at), customerId)
			.update() == 1;
	}

	public boolean block(UUID customerId, boolean blocked, String reason, String by, Instant at) {
		return this.jdbc.sql("""
				UPDATE credit_account SET blocked = ?, blocked_reason = ?, updated_by = ?, updated_at = ?
				WHERE customer_id = ?""")
			.params(blocked, reason, by, Timestamp.from(at), customerId)
			.update() == 1;
	}

	/**
	 * Reserves {@code amount} for the order and adds it to the account's exposure, in one statement. Callers lock the
	 * account first ({@link #lock}), like every credit decision, so that the locks are always taken in the same order.
	 * @return the account's exposure with this reservation, or empty if the order already has a reservation (nothing
	 * changes then)
	 */
	public Optional<BigDecimal> reserve(UUID orderId, UUID customerId, BigDecimal amount, String currency, String by,
			Instant at) {
		return this.jdbc.sql("""
				WITH reserved AS (
				    INSERT INTO reservation (order_id, customer_id, amount, currency, status, reserved_by, reserved_at)
				    VALUES (?, ?, ?, ?, 'OPEN', ?, ?) ON CONFLICT (order_id) DO NOTHING
				    RETURNING customer_id, amount)
				UPDATE credit_account AS account SET exposure = account.exposure + reserved.amount
				FROM reserved WHERE account.customer_id = reserved.customer_id
				RETURNING account.exposure""")
			.params(orderId, customerId, amount, currency, by, Timestamp.from(at))
			.query(BigDecimal.class)
			.optional()
			.map(Money::cents);
	}

	public Optional<Reservation> reservation(UUID orderId) {
		return this.jdbc.sql("""
				SELECT order_id, customer_id, amount, currency, status, reserved_by, reserved_at
				FROM reservation WHERE order_id = ?""")
			.param(orderId)
			.query(CreditAccounts::reservation)
			.optional();
	}

	public List<Reservation> openReservations(UUID customerId) {
		return this.jdbc.sql("""
				SELECT order_id, customer_id, amount, currency, status, reserved_by, reserved_at
				FROM reservation WHERE customer_id = ? AND status = 'OPEN' ORDER BY reserved_at, order_id""")
			.param(customerId)
			.query(CreditAccounts::reservation)
			.list();
	}

	/**
	 * Releases the order's open reservation and takes it off the account's exposure, in one statement; a reservation
	 * already released stays as it is. Callers lock the account first, as for {@link #reserve}.
	 * @return what was released, or empty if the order had no open reservation
	 */
	public Optional<ReleasedReservation> release(UUID orderId, String reason, Instant at) {
		return this.jdbc.sql("""
				WITH released AS (
				    UPDATE reservation SET status = 'RELEASED', released_at = ?, release_reason = ?
				    WHERE order_id = ? AND status = 'OPEN'
				    RETURNING customer_id, amount, currency)
				UPDATE credit_account AS account SET exposure = account.exposure - released.amount
				FROM released WHERE account.customer_id = released.customer_id
				RETURNING released.amount, released.currency, account.exposure""")
			.params(Timestamp.from(at), reason, orderId)
			.query((rs, row) -> new ReleasedReservation(Money.cents(rs.getBigDecimal("amount")), rs.getString("currency"),
					Money.cents(rs.getBigDecimal("exposure"))))
			.optional();
	}

	/**
	 * Takes {@code amount} off the order's open reservation and off the account's exposure, in one statement; the
	 * reservation is released when nothing of it is left, or when {@code releaseRest} (the order's last invoice)
	 * says whatever is left is not needed. Callers lock the account first, as for {@link #reserve}.
	 * @return what was taken off, with the currency and the exposure after it; empty if the order had no open
	 * reservation
	 */
	public Optional<ReleasedReservation> consume(UUID orderId, BigDecimal amount, boolean releaseRest, String reason,
			Instant at) {
		return this.jdbc.sql("""
				WITH before AS (
				    SELECT order_id, customer_id, amount,
				           CASE WHEN ?::boolean OR amount <= ?::numeric THEN amount ELSE ?::numeric END AS consumed
				    FROM reservation WHERE order_id = ? AND status = 'OPEN'),
				consumed AS (
				    UPDATE reservation SET amount = reservation.amount - before.consumed,
				        status = CASE WHEN reservation.amount - before.consumed = 0 THEN 'RELEASED' ELSE 'OPEN' END,
				        released_at = CASE WHEN reservation.amount - before.consumed = 0 THEN ?::timestamptz END,
				        release_reason = CASE WHEN reservation.amount - before.consumed = 0 THEN ?::text END
				    FROM before WHERE reservation.order_id = before.order_id
				    RETURNING reservation.customer_id, before.consumed, reservation.currency)
				UPDATE credit_account AS account SET exposure = account.exposure - consumed.consumed
				FROM consumed WHERE account.customer_id = consumed.customer_id
				RETURNING consumed.consumed, consumed.currency, account.exposure""")
			.params(releaseRest, amount, amount, orderId, Timestamp.from(at), reason)
			.query((rs, row) -> new ReleasedReservation(Money.cents(rs.getBigDecimal("consumed")),
					rs.getString("currency"), Money.cents(rs.getBigDecimal("exposure"))))
			.optional();
	}

	private static CreditAccount account(ResultSet rs, int row) throws SQLException {
		return new CreditAccount(rs.getObject("customer_id", UUID.class), rs.getString("business_id"),
				rs.getString("company_name"), rs.getString("currency"), Money.cents(rs.getBigDecimal("credit_limit")),
				Money.cents(rs.getBigDecimal("exposure")), rs.getObject("limit_expires_on", LocalDate.class),
				rs.getBoolean("blocked"), rs.getString("blocked_reason"));
	}

	private static Reservation reservation(ResultSet rs, int row) throws SQLException {
		return new Reservation(rs.getObject("order_id", UUID.class), rs.getObject("customer_id", UUID.class),
				Money.cents(rs.getBigDecimal("amount")), rs.getString("currency"), rs.getString("status"),
				rs.getString("reserved_by"), rs.getTimestamp("reserved_at").toInstant());
	}
}

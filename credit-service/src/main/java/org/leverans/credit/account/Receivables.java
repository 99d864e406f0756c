package org.leverans.credit.account;

import java.math.BigDecimal;
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
 * The customer's unpaid invoices. Each change here moves the account's exposure by the same amount, in the same
 * transaction; callers lock the account first ({@link CreditAccounts#lock}), as every credit decision does.
 */
@Repository
public class Receivables {

	private final JdbcClient jdbc;

	Receivables(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records an issued invoice and adds it to the exposure.
	 * @return whether it is new (a redelivered invoice changes nothing)
	 */
	public boolean open(UUID invoiceId, String number, UUID customerId, BigDecimal amount, String currency,
			LocalDate dueDate, Instant at) {
		return this.jdbc.sql("""
				WITH opened AS (
				    INSERT INTO receivable (invoice_id, invoice_number, customer_id, amount, open_amount, currency,
				        due_date, issued_at)
				    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (invoice_id) DO NOTHING
				    RETURNING customer_id, open_amount)
				UPDATE credit_account AS account SET exposure = account.exposure + opened.open_amount
				FROM opened WHERE account.customer_id = opened.customer_id""")
			.params(invoiceId, number, customerId, Money.cents(amount), Money.cents(amount), currency, dueDate,
					Timestamp.from(at))
			.update() == 1;
	}

	/**
	 * Lowers what is open on the invoice to {@code openAmount} (never raises it: a late, older event cannot undo a
	 * payment) and takes the difference off the exposure.
	 * @return what was taken off
	 */
	public BigDecimal settle(UUID invoiceId, BigDecimal openAmount) {
		return this.jdbc.sql("""
				WITH before AS (SELECT invoice_id, customer_id, open_amount FROM receivable WHERE invoice_id = ?),
				settled AS (
				    UPDATE receivable SET open_amount = least(before.open_amount, ?)
				    FROM before WHERE receivable.invoice_id = before.invoice_id
				    RETURNING receivable.customer_id, before.open_amount - receivable.open_amount AS paid)
				UPDATE credit_account AS account SET exposure = account.exposure - settled.paid
				FROM settled WHERE account.customer_id = settled.customer_id
				RETURNING settled.paid""")
			.params(invoiceId, Money.cents(openAmount).max(BigDecimal.ZERO))
			.query(BigDecimal.class)
			.optional()
			.map(Money::cents)
			.orElse(Money.ZERO);
	}

	/** The due date of the customer's oldest invoice still unpaid on {@code dueBefore}, if any. */
	public Optional<LocalDate> oldestUnpaidDueBefore(UUID customerId, LocalDate dueBefore) {
		return this.jdbc.sql("""
				SELECT due_date FROM receivable WHERE customer_id = ? AND open_amount > 0 AND due_date < ?
				ORDER BY due_date LIMIT 1""")
			.params(customerId, dueBefore)
			.query(LocalDate.class)
			.optional();
	}

	public List<Receivable> open(UUID customerId) {
		return this.jdbc.sql("""
				SELECT invoice_id, invoice_number, customer_id, amount, open_amount, currency, due_date
				FROM receivable WHERE customer_id = ? AND open_amount > 0 ORDER BY due_date, invoice_number""")
			.param(customerId)
			.query((rs, row) -> new Receivable(rs.getObject("invoice_id", UUID.class), rs.getString("invoice_number"),
					rs.getObject("customer_id", UUID.class), Money.cents(rs.getBigDecimal("amount")),
					Money.cents(rs.getBigDecimal("open_amount")), rs.getString("currency"),
					rs.getObject("due_date", LocalDate.class)))
			.list();
	}
}

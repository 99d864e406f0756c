package org.leverans.billing.payment;

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

/** Every payment reported, matched or not. */
@Repository
class PaymentLedger {

	private static final String SELECT = """
			SELECT payment.id, external_id, source, payment.reference, amount, payment.currency, paid_on, payer_name,
			    invoice_id, invoice.number AS invoice_number, applied, unapplied, payment.status, received_at,
			    resolved_by, resolution
			FROM payment LEFT JOIN invoice ON invoice.id = payment.invoice_id""";

	private final JdbcClient jdbc;

	PaymentLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the payment as unmatched, unless its external id is already recorded; a concurrent insert of the same
	 * id waits for the first to commit and then finds it.
	 * @return whether it is new
	 */
	boolean insert(UUID id, PaymentInput input, Payment.Source source, String reference, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO payment (id, external_id, source, reference, amount, currency, paid_on, payer_name,
				    unapplied, status, received_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'UNMATCHED', ?)
				ON CONFLICT (external_id) DO NOTHING""")
			.params(id, input.externalId(), source.name(), reference, Money.cents(input.amount()), input.currency(),
					input.paidOn(), input.payerName(), Money.cents(input.amount()), Timestamp.from(at))
			.update() == 1;
	}

	void apply(UUID id, UUID invoiceId, BigDecimal applied, BigDecimal unapplied, Payment.Status status) {
		this.jdbc.sql("UPDATE payment SET invoice_id = ?, applied = ?, unapplied = ?, status = ? WHERE id = ?")
			.params(invoiceId, applied, unapplied, status.name(), id)
			.update();
	}

	void resolve(UUID id, String by, String resolution) {
		this.jdbc.sql("UPDATE payment SET status = 'RESOLVED', resolved_by = ?, resolution = ? WHERE id = ?")
			.params(by, resolution, id)
			.update();
	}

	Optional<Payment> find(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE payment.id = ?").param(id).query(PaymentLedger::payment).optional();
	}

	Optional<Payment> lock(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE payment.id = ? FOR UPDATE OF payment")
			.param(id)
			.query(PaymentLedger::payment)
			.optional();
	}

	Optional<Payment> findByExternalId(String externalId) {
		return this.jdbc.sql(SELECT + " WHERE external_id = ?")
			.param(externalId)
			.query(PaymentLedger::payment)
			.optional();
	}

	/** What waits for customer service: unmatched payments and overpayments, oldest first. */
	List<Payment> waiting(int limit) {
		return this.jdbc.sql(SELECT + " WHERE payment.status IN ('UNMATCHED', 'OVERPAID') ORDER BY received_at LIMIT ?")
			.param(limit)
			.query(PaymentLedger::payment)
			.list();
	}

	List<Payment> ofInvoice(UUID invoiceId) {
		return this.jdbc.sql(SELECT + " WHERE invoice_id = ? ORDER BY paid_on, received_at")
			.param(invoiceId)
			.query(PaymentLedger::payment)
			.list();
	}

	private static Payment payment(ResultSet rs, int row) throws SQLException {
		return new Payment(rs.getObject("id", UUID.class), rs.getString("external_id"),
				Payment.Source.valueOf(rs.getString("source")), rs.getString("reference"),
				Money.cents(rs.getBigDecimal("amount")), rs.getString("currency"),
				rs.getObject("paid_on", LocalDate.class), rs.getString("payer_name"),
				rs.getObject("invoice_id", UUID.class), rs.getString("invoice_number"),
				Money.cents(rs.getBigDecimal("applied")), Money.cents(rs.getBigDecimal("unapplied")),
				Payment.Status.valueOf(rs.getString("status")), rs.getTimestamp("received_at").toInstant(),
				rs.getString("resolved_by"), rs.getString("resolution"));
	}
}

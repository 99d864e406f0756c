package org.leverans.contracts.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;

/**
 * A payment was applied to an invoice. Keyed by customer id.
 *
 * @param amount what this payment took off the invoice (an overpayment's excess is not part of it)
 * @param openAmount what remains to be paid on the invoice after it; zero once paid in full
 */
@EventContract(type = "leverans.billing.payment-received.v1", topic = Topics.BILLING)
public record PaymentReceived(UUID paymentId, UUID invoiceId, String invoiceNumber, UUID customerId,
		BigDecimal amount, String currency, BigDecimal openAmount, LocalDate paidOn, Instant receivedAt) {
}

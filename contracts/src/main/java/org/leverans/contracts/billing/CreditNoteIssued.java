package org.leverans.contracts.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;

/**
 * A credit note takes {@code total} (VAT included) off an invoice, for lines returned or cancelled after it was
 * issued. Keyed by customer id.
 *
 * @param openAmount what remains to be paid on the invoice after it
 */
@EventContract(type = "leverans.billing.credit-note-issued.v1", topic = Topics.BILLING)
public record CreditNoteIssued(UUID creditNoteId, String creditNoteNumber, UUID invoiceId, String invoiceNumber,
		UUID customerId, BigDecimal net, BigDecimal vat, BigDecimal total, String currency, BigDecimal openAmount,
		String reason, Instant issuedAt) {
}

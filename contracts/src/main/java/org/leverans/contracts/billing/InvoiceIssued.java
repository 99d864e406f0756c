package org.leverans.contracts.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;

/**
 * An invoice is issued: the customer owes {@code total} (VAT included) by {@code dueDate}. Keyed by customer id.
 *
 * @param orders the orders it charges for, with the net amount of each
 * @param reference the RF creditor reference (ISO 11649) a payment must quote
 */
@EventContract(type = "leverans.billing.invoice-issued.v1", topic = Topics.BILLING)
public record InvoiceIssued(UUID invoiceId, String invoiceNumber, UUID customerId, List<InvoicedOrder> orders,
		BigDecimal net, BigDecimal vat, BigDecimal total, String currency, LocalDate issueDate, LocalDate dueDate,
		String reference, Instant issuedAt) {
}

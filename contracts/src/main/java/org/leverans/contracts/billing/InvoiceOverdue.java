package org.leverans.contracts.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;

/** An invoice is still not paid in full some days after its due date. Keyed by customer id. */
@EventContract(type = "leverans.billing.invoice-overdue.v1", topic = Topics.BILLING)
public record InvoiceOverdue(UUID invoiceId, String invoiceNumber, UUID customerId, BigDecimal openAmount,
		String currency, LocalDate dueDate, int daysOverdue, Instant detectedAt) {
}

package org.leverans.credit.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An invoice of the customer's as credit sees it: how much of it is still unpaid, and by when it was due. */
public record Receivable(UUID invoiceId, String invoiceNumber, UUID customerId, BigDecimal amount,
		BigDecimal openAmount, String currency, LocalDate dueDate) {
}

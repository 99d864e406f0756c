package org.leverans.billing.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A payment as the bank or ERP reported it, and what became of it: applied to an invoice, waiting for customer
 * service (no invoice has its reference, or it paid more than was owed), or resolved by a person.
 *
 * @param applied what it took off an invoice
 * @param unapplied what no invoice took: all of an unmatched payment, the excess of an overpayment
 */
public record Payment(UUID id, String externalId, Source source, String reference,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency, LocalDate paidOn,
		String payerName, UUID invoiceId, String invoiceNumber,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal applied,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unapplied, Status status, Instant receivedAt,
		String resolvedBy, String resolution) {

	public enum Source {

		API, CAMT054

	}

	public enum Status {

		APPLIED, UNMATCHED, OVERPAID, RESOLVED

	}
}

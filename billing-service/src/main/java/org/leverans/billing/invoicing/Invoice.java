package org.leverans.billing.invoicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.Money;

/**
 * An invoice or a credit note as issued. Amounts are positive on both; a credit note names the invoice it credits
 * in {@code creditsInvoiceId}. What is still owed on an invoice is its total less what was paid and credited.
 */
public record Invoice(UUID id, String number, Kind kind, UUID creditsInvoiceId, UUID customerId, String customerName,
		String agreementNumber, String countryCode, String language, String currency, LocalDate issueDate,
		LocalDate dueDate, String paymentTerms, BigDecimal net, BigDecimal vat, BigDecimal total, BigDecimal paid,
		BigDecimal credited, Status status, String reference, String reason, Instant issuedAt,
		List<InvoiceLine> lines) {

	public Invoice {
		lines = (lines != null) ? List.copyOf(lines) : List.of();
	}

	public BigDecimal open() {
		if (this.kind == Kind.CREDIT_NOTE) {
			return Money.ZERO;
		}
		return Money.cents(this.total.subtract(this.paid).subtract(this.credited).max(BigDecimal.ZERO));
	}

	public boolean overdueOn(LocalDate today) {
		return this.kind == Kind.INVOICE && this.open().signum() > 0 && this.dueDate.isBefore(today);
	}

	public List<VatBreakdown> vatBreakdown() {
		return VatBreakdown.of(this.lines);
	}

	/** The status that follows from what was paid and credited. */
	static Status statusOf(BigDecimal total, BigDecimal paid, BigDecimal credited) {
		if (credited.compareTo(total) >= 0) {
			return Status.CREDITED;
		}
		if (paid.add(credited).compareTo(total) >= 0) {
			return Status.PAID;
		}
		return (paid.signum() > 0) ? Status.PARTIALLY_PAID : Status.OPEN;
	}

	public enum Kind {

		INVOICE, CREDIT_NOTE

	}

	public enum Status {

		OPEN, PARTIALLY_PAID, PAID, CREDITED

	}
}

package org.leverans.order.history;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.leverans.contracts.Money;
import org.leverans.order.core.Timeline;

/**
 * The invoice a timeline entry is about, as pages show it; amounts as money text ("540.91").
 *
 * @param creditNoteNumber for a credit note only
 * @param amount the invoice's total, the credit note's total, or the payment
 * @param dueDate for an issued invoice only
 * @param openAmount what the invoice still asks after the entry
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvoiceFacts(UUID invoiceId, String invoiceNumber, String creditNoteNumber, String amount,
		String currency, LocalDate dueDate, String openAmount) {

	public static InvoiceFacts of(Timeline.Invoice invoice) {
		return new InvoiceFacts(invoice.id(), invoice.number(), invoice.creditNoteNumber(),
				Money.text(invoice.amount()), invoice.currency(), invoice.dueDate(), Money.text(invoice.openAmount()));
	}
}

package org.leverans.billing.history;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.leverans.billing.invoicing.Invoice;
import org.leverans.billing.invoicing.InvoiceLine;
import org.leverans.contracts.Money;

/** An invoice in a list. Amounts are strings ("540.90"), as everywhere in the API. */
record InvoiceSummary(UUID id, String number, Invoice.Kind kind, UUID customerId, String customerName,
		LocalDate issueDate, LocalDate dueDate, String status, boolean overdue, String net, String vat, String total,
		String open, String currency, String reference, List<String> orderNumbers, List<String> purchaseOrderNumbers) {

	static InvoiceSummary of(Invoice invoice, LocalDate today) {
		return new InvoiceSummary(invoice.id(), invoice.number(), invoice.kind(), invoice.customerId(),
				invoice.customerName(), invoice.issueDate(), invoice.dueDate(), invoice.status().name(),
				invoice.overdueOn(today), Money.text(invoice.net()), Money.text(invoice.vat()),
				Money.text(invoice.total()), Money.text(invoice.open()), invoice.currency(), invoice.reference(),
				distinct(invoice.lines().stream().map(InvoiceLine::orderNumber).toList()),
				distinct(invoice.lines().stream().map(InvoiceLine::purchaseOrderNumber).toList()));
	}

	private static List<String> distinct(List<String> values) {
		return values.stream().filter(value -> value != null).distinct().toList();
	}
}

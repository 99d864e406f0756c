package org.leverans.billing.document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.leverans.billing.invoicing.Invoice;
import org.leverans.billing.invoicing.InvoiceLine;
import org.leverans.billing.invoicing.RfReference;
import org.leverans.billing.invoicing.VatBreakdown;
import org.leverans.contracts.Money;

/** Invoices to render, made the way billing-service issues them. */
final class Documents {

	static final SellerProperties SELLER = new SellerProperties("Leverans Demo Supplier Oy", "1234567-8",
			"FI12345678", "Teollisuuskatu 1", "00510", "Helsinki", "FI", "FI2112345600000785", "NDEAFIHH",
			"billing@leverans.example");

	private Documents() {
	}

	static Invoice invoice(String language, int lineCount) {
		UUID orderId = UUID.randomUUID();
		List<InvoiceLine> lines = new ArrayList<>();
		for (int i = 1; i <= lineCount; i++) {
			lines.add(new InvoiceLine(i, InvoiceLine.Kind.GOODS, orderId, "LV-000123", i, UUID.randomUUID(),
					UUID.randomUUID(), "PO-4711", "anna", "CEM-25KG", "Sementti 25 kg – Ääni & Öljy", "CEMENT", "BAG",
					40, new BigDecimal("8.40"), new BigDecimal("336.00"), new BigDecimal("25.5")));
		}
		lines.add(new InvoiceLine(lineCount + 1, InvoiceLine.Kind.GOODS, orderId, "LV-000123", lineCount + 1, null,
				null, "PO-4711", "anna", "COFFEE", "Kahvi", "FOOD", "PCS", 10, new BigDecimal("5.00"),
				new BigDecimal("50.00"), new BigDecimal("14")));
		lines.add(new InvoiceLine(lineCount + 2, InvoiceLine.Kind.FREIGHT, orderId, "LV-000123", null, null, null,
				"PO-4711", "anna", null, "Freight", null, null, 1, new BigDecimal("95.00"), new BigDecimal("95.00"),
				new BigDecimal("25.5")));
		BigDecimal net = lines.stream().map(InvoiceLine::net).reduce(Money.ZERO, BigDecimal::add);
		BigDecimal vat = VatBreakdown.totalTax(VatBreakdown.of(lines));
		return new Invoice(UUID.randomUUID(), "2026-000042", Invoice.Kind.INVOICE, null, UUID.randomUUID(),
				"Rakennus Oy", "AG-2026-0001", "FI", language, "EUR", LocalDate.of(2026, 12, 1),
				LocalDate.of(2026, 12, 31), "NET_30", net, vat, net.add(vat), new BigDecimal("100.00"), Money.ZERO,
				Invoice.Status.PARTIALLY_PAID, RfReference.of("2026000042"), null, Instant.now(), lines);
	}

	static Invoice creditNoteOf(Invoice invoice) {
		InvoiceLine line = invoice.lines().get(0);
		BigDecimal vat = VatBreakdown.totalTax(VatBreakdown.of(List.of(line)));
		return new Invoice(UUID.randomUUID(), "CN-2026-000001", Invoice.Kind.CREDIT_NOTE, invoice.id(),
				invoice.customerId(), invoice.customerName(), invoice.agreementNumber(), "FI", "fi", "EUR",
				LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 5), "NET_30", line.net(), vat, line.net().add(vat),
				Money.ZERO, Money.ZERO, Invoice.Status.PAID, null, "Shipment NF1 was returned", Instant.now(),
				List.of(line));
	}
}

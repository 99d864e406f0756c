package org.leverans.billing.history;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.leverans.billing.invoicing.Invoice;
import org.leverans.billing.invoicing.InvoiceLine;
import org.leverans.billing.invoicing.VatBreakdown;
import org.leverans.billing.payment.Payment;
import org.leverans.contracts.Money;

/** One invoice with its lines, its VAT per rate and the payments applied to it. */
record InvoiceDetail(InvoiceSummary invoice, UUID creditsInvoiceId, String agreementNumber, String paymentTerms,
		String language, String paid, String credited, String reason, List<Line> lines, List<Vat> vat,
		List<PaymentView> payments) {

	static InvoiceDetail of(Invoice invoice, List<Payment> payments, LocalDate today) {
		return new InvoiceDetail(InvoiceSummary.of(invoice, today), invoice.creditsInvoiceId(),
				invoice.agreementNumber(), invoice.paymentTerms(), invoice.language(), Money.text(invoice.paid()),
				Money.text(invoice.credited()), invoice.reason(), invoice.lines().stream().map(Line::of).toList(),
				invoice.vatBreakdown().stream().map(Vat::of).toList(),
				payments.stream().map(PaymentView::of).toList());
	}

	record Line(int lineNo, InvoiceLine.Kind kind, String orderNumber, UUID orderId, UUID shipmentId, UUID siteId,
			String purchaseOrderNumber, String sku, String description, String productGroup, String unit,
			int quantity, String unitPrice, String net, String vatRate) {

		static Line of(InvoiceLine line) {
			return new Line(line.lineNo(), line.kind(), line.orderNumber(), line.orderId(), line.shipmentId(),
					line.siteId(), line.purchaseOrderNumber(), line.sku(), line.description(), line.productGroup(),
					line.unit(), line.quantity(), Money.text(line.unitPrice()), Money.text(line.net()),
					line.vatRate().toPlainString());
		}
	}

	record Vat(String rate, String taxable, String tax) {

		static Vat of(VatBreakdown vat) {
			return new Vat(vat.rate().toPlainString(), Money.text(vat.taxable()), Money.text(vat.tax()));
		}
	}

	record PaymentView(UUID id, LocalDate paidOn, String amount, String applied, String source) {

		static PaymentView of(Payment payment) {
			return new PaymentView(payment.id(), payment.paidOn(), Money.text(payment.amount()),
					Money.text(payment.applied()), payment.source().name());
		}
	}
}

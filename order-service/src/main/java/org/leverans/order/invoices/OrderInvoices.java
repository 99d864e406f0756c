package org.leverans.order.invoices;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.Money;
import org.leverans.contracts.billing.CreditNoteIssued;
import org.leverans.contracts.billing.InvoiceIssued;
import org.leverans.contracts.billing.InvoicedOrder;
import org.leverans.contracts.billing.PaymentReceived;
import org.leverans.messaging.EventMetadata;
import org.leverans.order.core.Orders;
import org.leverans.order.core.Timeline;
import org.leverans.order.status.UnknownOrderException;

import org.springframework.stereotype.Service;

/**
 * Puts billing-service's invoices, credit notes and payments into the timeline of each order they concern. A
 * collective invoice concerns several orders, and so do its credit notes and payments.
 */
@Service
public class OrderInvoices {

	private final Orders orders;

	private final InvoicedOrders invoicedOrders;

	private final Timeline timeline;

	private final Clock clock;

	OrderInvoices(Orders orders, InvoicedOrders invoicedOrders, Timeline timeline, Clock clock) {
		this.orders = orders;
		this.invoicedOrders = invoicedOrders;
		this.timeline = timeline;
		this.clock = clock;
	}

	void issued(InvoiceIssued e, EventMetadata meta) {
		Instant now = this.clock.instant();
		Timeline.Invoice invoice = new Timeline.Invoice(e.invoiceId(), e.invoiceNumber(), null, e.total(),
				e.currency(), e.dueDate(), e.total());
		List<InvoicedOrder> charged = e.orders().stream().sorted(Comparator.comparing(InvoicedOrder::orderId)).toList();
		for (InvoicedOrder order : charged) {
			lock(order.orderId());
			this.invoicedOrders.add(e.invoiceId(), order.orderId(), e.invoiceNumber());
			String share = (charged.size() > 1) ? ", of which this order " + Money.text(order.net()) + " "
					+ e.currency() + " before VAT" : "";
			this.timeline.record(Timeline.Entry.invoiceEvent(order.orderId(), now, e.issuedAt(), "InvoiceIssued",
					"Invoiced: invoice " + e.invoiceNumber() + ", " + Money.text(e.total()) + " " + e.currency()
							+ share + ", due " + e.dueDate(),
					meta.id(), invoice));
		}
	}

	void credited(CreditNoteIssued e, EventMetadata meta) {
		Instant now = this.clock.instant();
		Timeline.Invoice invoice = new Timeline.Invoice(e.invoiceId(), e.invoiceNumber(), e.creditNoteNumber(),
				e.total(), e.currency(), null, e.openAmount());
		for (UUID orderId : ordersOf(e.invoiceId())) {
			this.timeline.record(Timeline.Entry.invoiceEvent(orderId, now, e.issuedAt(), "CreditNoteIssued",
					"Credit note " + e.creditNoteNumber() + " on invoice " + e.invoiceNumber() + ": "
							+ Money.text(e.total()) + " " + e.currency()
							+ ((e.reason() != null) ? " (" + e.reason() + ")" : "") + ", "
							+ Money.text(e.openAmount()) + " " + e.currency() + " still open",
					meta.id(), invoice));
		}
	}

	void paid(PaymentReceived e, EventMetadata meta) {
		Instant now = this.clock.instant();
		boolean inFull = e.openAmount().compareTo(BigDecimal.ZERO) <= 0;
		Timeline.Invoice invoice = new Timeline.Invoice(e.invoiceId(), e.invoiceNumber(), null, e.amount(),
				e.currency(), null, e.openAmount());
		for (UUID orderId : ordersOf(e.invoiceId())) {
			this.timeline.record(Timeline.Entry.invoiceEvent(orderId, now, e.receivedAt(),
					inFull ? "InvoicePaid" : "InvoicePartlyPaid",
					"Payment of " + Money.text(e.amount()) + " " + e.currency() + " on invoice " + e.invoiceNumber()
							+ (inFull ? ": paid in full"
									: ": " + Money.text(e.openAmount()) + " " + e.currency() + " still open"),
					meta.id(), invoice));
		}
	}

	/**
	 * The invoice's orders, locked. An invoice this service never heard of had its InvoiceIssued dead-lettered
	 * (the topic is keyed by customer, so an invoice comes before its credit notes and payments): this event goes
	 * the same way, to be replayed with it.
	 */
	private List<UUID> ordersOf(UUID invoiceId) {
		List<UUID> orderIds = this.invoicedOrders.ordersOf(invoiceId);
		if (orderIds.isEmpty()) {
			throw new IllegalArgumentException("No order is known to be charged by invoice " + invoiceId);
		}
		orderIds.forEach(this::lock);
		return orderIds;
	}

	private void lock(UUID orderId) {
		this.orders.lock(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
	}
}

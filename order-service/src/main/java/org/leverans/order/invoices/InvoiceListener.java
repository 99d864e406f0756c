package org.leverans.order.invoices;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.leverans.contracts.Topics;
import org.leverans.contracts.billing.CreditNoteIssued;
import org.leverans.contracts.billing.InvoiceIssued;
import org.leverans.contracts.billing.PaymentReceived;
import org.leverans.messaging.EventHandlers;
import org.leverans.messaging.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * billing-service's invoices, credit notes and payments, keyed by customer id: an invoice's credit notes and
 * payments arrive after it.
 */
@Component
class InvoiceListener {

	private final Inbox inbox;

	private final EventHandlers handlers;

	InvoiceListener(Inbox inbox, OrderInvoices invoices) {
		this.inbox = inbox;
		this.handlers = EventHandlers.named("order-invoices")
			.onEvent(InvoiceIssued.class, invoices::issued)
			.onEvent(CreditNoteIssued.class, invoices::credited)
			.onEvent(PaymentReceived.class, invoices::paid);
	}

	@KafkaListener(id = "order-invoices", idIsGroup = false, topics = Topics.BILLING, batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		this.inbox.receive(records, this.handlers);
	}
}

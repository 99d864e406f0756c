package org.leverans.credit.decision;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.leverans.contracts.Topics;
import org.leverans.contracts.billing.CreditNoteIssued;
import org.leverans.contracts.billing.InvoiceIssued;
import org.leverans.contracts.billing.PaymentReceived;
import org.leverans.contracts.order.OrderCancelled;
import org.leverans.contracts.order.OrderRejected;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.messaging.EventHandlers;
import org.leverans.messaging.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The events credit-service acts on; each is applied once (the inbox remembers event ids). */
@Component
class CreditEventListeners {

	private final Inbox inbox;

	private final EventHandlers validations;

	private final EventHandlers orders;

	private final EventHandlers billing;

	CreditEventListeners(Inbox inbox, CreditAssessment assessment, CreditReleases releases,
			CreditFollowsInvoices invoices) {
		this.inbox = inbox;
		this.validations = EventHandlers.named("credit-assessment").on(OrderValidated.class, assessment::assess);
		this.orders = EventHandlers.named("credit-release")
			.on(OrderCancelled.class, releases::cancelled)
			.on(OrderRejected.class, releases::rejected);
		this.billing = EventHandlers.named("credit-receivables")
			.on(InvoiceIssued.class, invoices::invoiced)
			.on(PaymentReceived.class, invoices::paid)
			.on(CreditNoteIssued.class, invoices::credited);
	}

	@KafkaListener(id = "credit-assessment", idIsGroup = false, topics = Topics.ORDER_VALIDATION,
			concurrency = "${leverans.credit.listener-concurrency:3}", batch = "true")
	void onValidation(List<ConsumerRecord<String, byte[]>> records) {
		this.inbox.receive(records, this.validations);
	}

	@KafkaListener(id = "credit-release", idIsGroup = false, topics = Topics.ORDER, batch = "true")
	void onOrder(List<ConsumerRecord<String, byte[]>> records) {
		this.inbox.receive(records, this.orders);
	}

	@KafkaListener(id = "credit-receivables", idIsGroup = false, topics = Topics.BILLING, batch = "true")
	void onBilling(List<ConsumerRecord<String, byte[]>> records) {
		this.inbox.receive(records, this.billing);
	}
}

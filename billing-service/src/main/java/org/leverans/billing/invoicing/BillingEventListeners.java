package org.leverans.billing.invoicing;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.leverans.contracts.Topics;
import org.leverans.contracts.claim.ClaimAccepted;
import org.leverans.contracts.order.OrderAccepted;
import org.leverans.contracts.order.OrderCancelled;
import org.leverans.contracts.order.OrderPlaced;
import org.leverans.contracts.shipment.ShipmentDelivered;
import org.leverans.contracts.shipment.ShipmentPlanned;
import org.leverans.contracts.shipment.ShipmentUpdated;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.messaging.EventHandlers;
import org.leverans.messaging.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The events billing-service invoices from; each is applied once (the inbox remembers event ids). */
@Component
class BillingEventListeners {

	private final Inbox inbox;

	private final EventHandlers orders;

	private final EventHandlers validations;

	private final EventHandlers shipments;

	BillingEventListeners(Inbox inbox, Invoicing invoicing) {
		this.inbox = inbox;
		this.orders = EventHandlers.named("billing-orders")
			.on(OrderPlaced.class, invoicing::placed)
			.on(OrderAccepted.class, invoicing::accepted)
			.on(OrderCancelled.class, invoicing::cancelled)
			.on(ClaimAccepted.class, invoicing::claimAccepted);
		this.validations = EventHandlers.named("billing-validations").on(OrderValidated.class, invoicing::validated);
		this.shipments = EventHandlers.named("billing-shipments")
			.on(ShipmentPlanned.class, invoicing::planned)
			.on(ShipmentUpdated.class, invoicing::updated)
			.on(ShipmentDelivered.class, invoicing::delivered);
	}

	/**
	 * One listener for the three topics. An order's placed, validated and accepted events and its first shipment
	 * arrive within milliseconds of each other, and every one of them updates or locks the order's billing facts: with
	 * a listener per topic, each poll batch's transaction held rows the others' batches needed next, and they waited on
	 * each other up to a second at a time (about 33 s of waits in 54 s at 90 orders/s, docs/performance.md, session
	 * 14). The handlers keep their names, so what the inbox remembered carries over.
	 */
	@KafkaListener(id = "billing-events", idIsGroup = false,
			topics = { Topics.ORDER, Topics.ORDER_VALIDATION, Topics.SHIPMENT }, batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		this.inbox.receive(records, this.orders, this.validations, this.shipments);
	}
}

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

	@KafkaListener(id = "billing-orders", idIsGroup = false, topics = Topics.ORDER, batch = "true")
	void onOrder(List<ConsumerRecord<String, byte[]>> records) {
		this.inbox.receive(records, this.orders);
	}

	@KafkaListener(id = "billing-validations", idIsGroup = false, topics = Topics.ORDER_VALIDATION, batch = "true")
	void onValidation(List<ConsumerRecord<String, byte[]>> records) {
		this.inbox.receive(records, this.validations);
	}

	@KafkaListener(id = "billing-shipments", idIsGroup = false, topics = Topics.SHIPMENT, batch = "true")
	void onShipment(List<ConsumerRecord<String, byte[]>> records) {
		this.inbox.receive(records, this.shipments);
	}
}

package org.leverans.order.shipments;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.leverans.contracts.Topics;
import org.leverans.contracts.shipment.DeliveryWindowChanged;
import org.leverans.contracts.shipment.ShipmentDelivered;
import org.leverans.contracts.shipment.ShipmentException;
import org.leverans.contracts.shipment.ShipmentPlanned;
import org.leverans.contracts.shipment.ShipmentUpdated;
import org.leverans.messaging.EventHandlers;
import org.leverans.messaging.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** delivery-service's shipment events, keyed by order id so one order's events arrive in order. */
@Component
class ShipmentListener {

	private final Inbox inbox;

	private final EventHandlers handlers;

	ShipmentListener(Inbox inbox, OrderShipments shipments) {
		this.inbox = inbox;
		this.handlers = EventHandlers.named("order-shipments")
			.beforeBatch(shipments::prepare)
			.onEvent(ShipmentPlanned.class, shipments::planned)
			.onEvent(ShipmentUpdated.class, shipments::updated)
			.onEvent(DeliveryWindowChanged.class, shipments::windowChanged)
			.onEvent(ShipmentDelivered.class, shipments::delivered)
			.onEvent(ShipmentException.class, shipments::exception);
	}

	@KafkaListener(id = "order-shipments", idIsGroup = false, topics = Topics.SHIPMENT, batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		this.inbox.receive(records, this.handlers);
	}
}

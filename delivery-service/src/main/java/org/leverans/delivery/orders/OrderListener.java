package org.leverans.delivery.orders;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.leverans.contracts.Topics;
import org.leverans.delivery.feedback.ClaimTally;
import org.leverans.delivery.planning.OrderPlanning;
import org.leverans.messaging.EventHandlers;
import org.leverans.messaging.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The order topic's one consumer in this service (group {@code delivery-service}): each poll batch is fetched once
 * and applied in one transaction by shipment planning and by the claim tally, each remembering in the inbox, under
 * its own name, the events it applied. Every order event is read here, nearly all of them for neither; a second
 * group for claims read them all a second time.
 */
@Component
class OrderListener {

	private final Inbox inbox;

	private final EventHandlers planning;

	private final EventHandlers claims;

	OrderListener(Inbox inbox, OrderPlanning planning, ClaimTally claims) {
		this.inbox = inbox;
		this.planning = planning.handlers();
		this.claims = claims.handlers();
	}

	@KafkaListener(id = "delivery-orders", idIsGroup = false, topics = Topics.ORDER, batch = "true",
			containerPostProcessor = "retiredClaimsGroup")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		this.inbox.receive(records, this.planning, this.claims);
	}
}

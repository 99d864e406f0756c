package org.leverans.notification.intake;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.leverans.contracts.Topics;
import org.leverans.messaging.EventHandlers;
import org.leverans.messaging.Inbox;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The service's one Kafka consumer. All instances share one consumer group (the service name), so each event is
 * handled by one instance; every feature then applies it through the inbox, so a redelivery is a no-op.
 */
@Component
class EventIntake {

	private final Inbox inbox;

	private final EventHandlers[] features;

	EventIntake(Inbox inbox, List<IntakeHandlers> features) {
		this.inbox = inbox;
		this.features = features.stream().map(IntakeHandlers::handlers).toArray(EventHandlers[]::new);
	}

	// idIsGroup = false: the group stays the service name, shared by all instances. A topic new to the group is
	// read from its beginning (auto.offset.reset=earliest), so the agreement topic brings the sites announced
	// before this service listened to it.
	@KafkaListener(id = "event-intake", idIsGroup = false,
			topics = { Topics.ORDER, Topics.SHIPMENT, Topics.AGREEMENT, Topics.BILLING }, batch = "true")
	void on(List<ConsumerRecord<String, byte[]>> records) {
		this.inbox.receive(records, this.features);
	}
}

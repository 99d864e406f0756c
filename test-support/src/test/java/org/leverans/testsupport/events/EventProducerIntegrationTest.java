package org.leverans.testsupport.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.Topics;
import org.leverans.contracts.order.OrderCancelled;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Against the real test broker of TestInfrastructure. */
class EventProducerIntegrationTest {

	private final EventProducer events = new EventProducer(JsonMapper.builder().build());

	@Test
	void aPublishedEventCanBeReadBackByKeyAndType() {
		UUID orderId = UUID.randomUUID();
		String eventId = this.events.publish(orderId, cancelled(orderId, "first"));

		ConsumerRecord<String, byte[]> record = TopicProbe.awaitFirst(Topics.ORDER, orderId,
				"leverans.order.cancelled.v1");
		assertThat(TopicProbe.header(record, "ce_id")).isEqualTo(eventId);
		assertThat(ReceivedEvent.of(record).body().path("reason").asString()).isEqualTo("first");
	}

	@Test
	void recordsSentTogetherArriveInTheirOrder() {
		UUID orderId = UUID.randomUUID();
		EventProducer.sendAll(List.of("one", "two", "three")
			.stream()
			.map(reason -> CloudEventRecord.of(Topics.ORDER, orderId, "leverans.order.cancelled.v1",
					"{\"reason\":\"" + reason + "\"}"))
			.toList());

		assertThat(TopicProbe.awaitAll(Topics.ORDER, orderId)).extracting(ReceivedEvent::of)
			.extracting(event -> event.body().path("reason").asString())
			.containsExactly("one", "two", "three");
	}

	@Test
	void theRecorderKeepsWhatArrivedByKey() {
		UUID orderId = UUID.randomUUID();
		TopicRecorder recorder = TopicRecorder.of("test-support.recorded.v1");
		EventProducer.send(CloudEventRecord.of("test-support.recorded.v1", orderId, "recorded.v1", "{}").id("r-1"));

		await().until(() -> !recorder.received(orderId).isEmpty());
		assertThat(recorder.typesReceived(orderId)).containsExactly("recorded.v1");
		assertThat(recorder.received(orderId).get(0).id()).isEqualTo("r-1");
	}

	@Test
	void aBodyThatIsNotJsonIsReceivedAsText() {
		UUID orderId = UUID.randomUUID();
		EventProducer.send(CloudEventRecord.of(Topics.ORDER, orderId, "leverans.order.cancelled.v1", "{not json"));

		assertThat(ReceivedEvent.of(TopicProbe.awaitFirst(Topics.ORDER, orderId)).body().asString())
			.isEqualTo("{not json");
	}

	private static OrderCancelled cancelled(UUID orderId, String reason) {
		return new OrderCancelled(orderId, "LV-1", UUID.randomUUID(), "anna", reason, Instant.now());
	}
}

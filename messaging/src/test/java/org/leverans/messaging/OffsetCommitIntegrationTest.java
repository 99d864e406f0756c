package org.leverans.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leverans.testsupport.events.CloudEventRecord;
import org.leverans.testsupport.events.EventProducer;
import org.leverans.testsupport.infrastructure.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Listeners commit their offsets once an interval, not after each batch: the inbox, not the offset, keeps an event
 * from being applied twice. Here the interval is an hour, so only stopping the listener commits.
 */
@SpringBootTest(properties = { "spring.application.name=messaging-offsets-test",
		"messaging-test.topic=" + OffsetCommitIntegrationTest.TOPIC,
		"messaging-test.group=" + OffsetCommitIntegrationTest.GROUP,
		"leverans.messaging.offset-commit-interval=1h" })
// Closed after its test, while Kafka is still up: with an hour's interval, its listener has offsets to commit as it
// stops, and at the JVM's exit the test broker may already be gone.
@DirtiesContext
class OffsetCommitIntegrationTest {

	static final String TOPIC = "messaging-test.offsets.v1";

	static final String GROUP = "messaging-offsets-test";

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "messaging_offsets");
	}

	@Autowired
	MessagingTestApplication.CancellationLedger ledger;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	private Admin admin;

	@BeforeEach
	void connect() {
		this.admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()));
	}

	@AfterEach
	void disconnect() {
		this.admin.close();
	}

	@Test
	void offsetsAreCommittedWhenTheListenerStopsAndEventsReadAgainAfterALostCommitApplyOnce() throws Exception {
		UUID orderId = UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			EventProducer.send(cancellation(orderId, "event " + i));
		}
		await().until(() -> this.ledger.applied(orderId) == 3);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> committed() < endOffsets());

		this.listeners.stop();
		assertThat(committed()).as("offsets committed as the listener stopped").isEqualTo(endOffsets());

		// A crash between applying and committing: the group starts again from where it last committed (here, the
		// beginning) and reads every event again.
		this.admin.deleteConsumerGroupOffsets(GROUP, committedOffsets().keySet()).all().get(10, TimeUnit.SECONDS);
		this.listeners.start();
		UUID marker = UUID.randomUUID();
		EventProducer.send(cancellation(marker, "read after the replay"));
		await().until(() -> this.ledger.applied(marker) == 1);
		assertThat(this.ledger.applied(orderId)).as("each replayed event applied once").isEqualTo(3);
	}

	private Map<TopicPartition, OffsetAndMetadata> committedOffsets() throws Exception {
		return this.admin.listConsumerGroupOffsets(GROUP)
			.partitionsToOffsetAndMetadata()
			.get(10, TimeUnit.SECONDS)
			.entrySet()
			.stream()
			.filter(entry -> entry.getValue() != null)
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private long committed() throws Exception {
		return committedOffsets().values().stream().mapToLong(OffsetAndMetadata::offset).sum();
	}

	private long endOffsets() throws Exception {
		List<TopicPartition> partitions = this.admin.describeTopics(List.of(TOPIC))
			.allTopicNames()
			.get(10, TimeUnit.SECONDS)
			.get(TOPIC)
			.partitions()
			.stream()
			.map(partition -> new TopicPartition(TOPIC, partition.partition()))
			.toList();
		return this.admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
			.all()
			.get(10, TimeUnit.SECONDS)
			.values()
			.stream()
			.mapToLong(info -> info.offset())
			.sum();
	}

	private static CloudEventRecord cancellation(UUID orderId, String reason) {
		return CloudEventRecord.of(TOPIC, orderId, "leverans.order.cancelled.v1",
				"{\"orderId\":\"" + orderId + "\",\"reason\":\"" + reason + "\"}");
	}

}

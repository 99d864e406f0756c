package org.leverans.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.Topics;
import org.leverans.testsupport.events.CloudEventRecord;
import org.leverans.testsupport.events.EventProducer;
import org.leverans.testsupport.infrastructure.CrashablePostgres;
import org.leverans.testsupport.infrastructure.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer whose database crashes in the middle of a stream of events, stays away for longer than every retry
 * of a poison record takes, and comes back: every event is applied exactly once, and none is dead-lettered.
 */
@SpringBootTest(properties = { "spring.application.name=messaging-outage-test",
		"messaging-test.topic=" + PostgresOutageIntegrationTest.TOPIC, "messaging-test.group=messaging-outage-test",
		"leverans.messaging.retry-interval=50ms", "leverans.messaging.transient-retry-max-interval=1s",
		// Fail fast while the server is away, so many attempts fall inside the outage.
		"spring.datasource.hikari.connection-timeout=500", "spring.datasource.hikari.validation-timeout=250" })
class PostgresOutageIntegrationTest {

	static final String TOPIC = "messaging-test.outage.v1";

	private static final int EVENTS = 300;

	private static final CrashablePostgres postgres = CrashablePostgres.start("outage");

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> postgres.jdbcUrl("outage"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
		registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
	}

	@AfterAll
	static void stopPostgres() {
		postgres.close();
	}

	@Autowired
	MessagingTestApplication.CancellationLedger ledger;

	@Test
	void eventsArrivingWhileTheDatabaseIsDownAreAppliedOnceWhenItIsBackAndNoneIsDeadLettered() throws Exception {
		assertThat(postgres.durability()).isEqualTo("fsync=on synchronous_commit=on");
		AtomicInteger sent = new AtomicInteger();
		ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
		try {
			// A steady stream, so events are in flight when the crash comes and keep coming while it lasts.
			pacer.scheduleAtFixedRate(() -> {
				if (sent.get() < EVENTS) {
					EventProducer.send(cancellation(sent.incrementAndGet()));
				}
			}, 0, 20, TimeUnit.MILLISECONDS);

			await().atMost(Duration.ofMinutes(1)).until(() -> this.ledger.applied() >= EVENTS / 5);
			postgres.crash();
			// Longer than a poison record's retries (50 + 100 + 200 ms plus three 500 ms connection timeouts).
			await().pollDelay(Duration.ofSeconds(8)).until(() -> true);
			postgres.restart();

			// The test's own look-ups share the pool, which needs a moment to replace its broken connections.
			await().atMost(Duration.ofMinutes(2)).ignoreExceptionsInstanceOf(DataAccessException.class).until(() -> sent.get() == EVENTS && this.ledger.applied() >= EVENTS);
		}
		finally {
			pacer.shutdownNow();
		}
		assertThat(this.ledger.applied()).as("effects, one per event").isEqualTo(EVENTS);
		assertThat(this.ledger.distinctEventsApplied()).isEqualTo(EVENTS);
		assertThat(recordsOn(Topics.deadLetterOf(TOPIC))).as("dead-lettered records").isZero();
	}

	private static CloudEventRecord cancellation(int n) {
		UUID orderId = UUID.randomUUID();
		return CloudEventRecord.of(TOPIC, orderId, "leverans.order.cancelled.v1",
				"{\"orderId\":\"" + orderId + "\",\"reason\":\"outage " + n + "\"}");
	}

	private static long recordsOn(String topic) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID()), new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.toList();
			return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
		}
	}
}

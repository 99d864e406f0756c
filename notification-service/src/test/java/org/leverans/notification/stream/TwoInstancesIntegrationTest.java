package org.leverans.notification.stream;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.NotificationServiceApplication;
import org.leverans.notification.SseClient;
import org.leverans.notification.SseClient.Message;
import org.leverans.notification.TestEvents;
import org.leverans.notification.TestTokens;
import org.leverans.testsupport.infrastructure.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A second instance of the service, on its own port, sharing the database and the consumer group. */
class TwoInstancesIntegrationTest extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startSecondInstance(@Autowired Environment first) {
		// Arguments, not builder properties: those are defaults that application.yml would override.
		second = new SpringApplicationBuilder(NotificationServiceApplication.class, TestTokens.Decoder.class)
			.run("--server.port=0", "--spring.datasource.url=" + first.getProperty("spring.datasource.url"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
					"--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
					"--leverans.stream.heartbeat-interval=200ms", "--leverans.stream.poll-interval=1s",
					"--leverans.arrival-alerts.check-interval=200ms", "--leverans.mail.check-interval=200ms",
					"--leverans.webhooks.check-interval=200ms", "--leverans.webhooks.retry-schedule=200ms,200ms,200ms",
					"--spring.main.banner-mode=off");
	}

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
		}
	}

	private int secondPort() {
		return ((WebServerApplicationContext) second).getWebServer().getPort();
	}

	@Test
	void bothInstancesShareTheWorkOfOneConsumerGroup(@Autowired KafkaListenerEndpointRegistry first) {
		KafkaListenerEndpointRegistry onSecond = second.getBean(KafkaListenerEndpointRegistry.class);
		await().atMost(WAIT).until(() -> !assigned(first).isEmpty() && !assigned(onSecond).isEmpty());
		assertThat(assigned(first)).doesNotContainAnyElementsOf(assigned(onSecond));
	}

	private static Collection<TopicPartition> assigned(
			KafkaListenerEndpointRegistry registry) {
		Collection<TopicPartition> partitions = registry
			.getListenerContainer("event-intake")
			.getAssignedPartitions();
		return (partitions != null) ? List.copyOf(partitions) : List.of();
	}

	@Test
	void clientsOnEitherInstanceGetTheSameEventOnce() {
		UUID customer = UUID.randomUUID();
		UUID orderId = UUID.randomUUID();
		String token = TestTokens.orderer("anna-test", customer);
		try (SseClient onFirst = stream(token); SseClient onSecond = SseClient.connect(secondPort(), token)) {
			events().publish(orderId, TestEvents.placed(orderId, customer, TestTokens.JATKASAARI));
			events().publish(orderId, TestEvents.rejected(orderId, customer));

			await().atMost(WAIT)
				.until(() -> onFirst.messagesAbout(orderId).size() >= 2 && onSecond.messagesAbout(orderId).size() >= 2);
			assertThat(onFirst.messagesAbout(orderId)).extracting(Message::status).containsExactly("PLACED", "REJECTED");
			assertThat(onSecond.messagesAbout(orderId)).extracting(Message::status)
				.containsExactly("PLACED", "REJECTED");
			assertThat(onSecond.messagesAbout(orderId)).extracting(Message::id)
				.isEqualTo(onFirst.messagesAbout(orderId).stream().map(Message::id).toList());
			assertThat(rowsAbout(orderId)).isEqualTo(2);
		}
	}

	@Test
	void clientResumesOnTheOtherInstanceWhereItLeftOff() {
		UUID customer = UUID.randomUUID();
		String token = TestTokens.orderer("anna-test", customer);
		UUID seen = UUID.randomUUID();
		UUID missed = UUID.randomUUID();
		long lastSeen;
		try (SseClient onFirst = stream(token)) {
			events().publish(seen, TestEvents.placed(seen, customer, TestTokens.JATKASAARI));
			await().atMost(WAIT).until(() -> onFirst.received(seen));
			lastSeen = onFirst.lastId();
		}
		events().publish(missed, TestEvents.placed(missed, customer, TestTokens.JATKASAARI));
		try (SseClient onSecond = SseClient.connect(secondPort(), token, lastSeen)) {
			await().atMost(WAIT).until(() -> onSecond.received(missed));
			assertThat(onSecond.messages()).extracting(Message::orderId).containsExactly(missed);
		}
	}

	@Test
	void followMadeOnOneInstanceReachesTheOpenStreamOnTheOther() {
		UUID customer = UUID.randomUUID();
		UUID orderId = UUID.randomUUID();
		String sara = TestTokens.customerService("sara-" + UUID.randomUUID());
		events().publish(orderId, TestEvents.placed(orderId, customer, TestTokens.JATKASAARI));
		await().atMost(WAIT).until(() -> rowsAbout(orderId) == 1);
		try (SseClient onSecond = SseClient.connect(secondPort(), sara)) {
			assertThat(call("POST", "/api/subscriptions/follows", sara, "{\"orderId\":\"" + orderId + "\"}")
				.statusCode()).isEqualTo(201);
			// The notice about the follow is committed before the event below, so it is heard first.
			events().publish(orderId, TestEvents.rejected(orderId, customer));
			await().atMost(WAIT).until(() -> onSecond.received(orderId));
			assertThat(onSecond.messagesAbout(orderId)).extracting(Message::status).containsExactly("REJECTED");
		}
	}
}

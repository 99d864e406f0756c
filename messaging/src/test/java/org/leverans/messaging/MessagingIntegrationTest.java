package org.leverans.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.Topics;
import org.leverans.contracts.order.OrderCancelled;
import org.leverans.messaging.deadletter.DeadLetter;
import org.leverans.messaging.deadletter.DeadLetterDecisionRefused;
import org.leverans.messaging.deadletter.DeadLetterStatus;
import org.leverans.messaging.deadletter.DeadLetters;
import org.leverans.testsupport.events.CloudEventRecord;
import org.leverans.testsupport.events.EventProducer;
import org.leverans.testsupport.events.TopicProbe;
import org.leverans.testsupport.infrastructure.TestInfrastructure;
import org.leverans.testsupport.metrics.Scrape;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.leverans.testsupport.events.TopicProbe.header;

// No scheduled relay pass comes during a test: the commits' wake-ups alone must send every event.
@SpringBootTest(properties = { "spring.application.name=messaging-test", "leverans.messaging.retry-interval=50ms",
		"leverans.messaging.relay-interval=1h",
		"spring.jackson.deserialization.fail-on-unknown-properties=true",
		// every trace recorded, and the finished spans handed to the in-memory exporter at once
		"management.tracing.sampling.probability=1.0",
		"management.opentelemetry.tracing.export.schedule-delay=50ms" })
class MessagingIntegrationTest {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "messaging");
	}

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxRelay relay;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MessagingTestApplication.CancellationLedger ledger;

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	Inbox inbox;

	@Autowired
	PrometheusMeterRegistry metrics;

	@Autowired
	Tracer tracer;

	@Autowired
	InMemorySpanExporter finishedSpans;

	@Autowired
	ConsumerFactory<Object, Object> consumers;

	@Test
	void sendsCommittedEventWithCloudEventsHeadersKeyedByOrder() {
		UUID orderId = UUID.randomUUID();
		UUID eventId = this.transactions.execute(status -> this.outbox.publish(orderId, orderId, cancelled(orderId, "changed plans")));

		ConsumerRecord<String, byte[]> record = firstRecordOn(Topics.ORDER, orderId.toString());
		assertThat(header(record, "ce_id")).isEqualTo(eventId.toString());
		assertThat(header(record, "ce_type")).isEqualTo("leverans.order.cancelled.v1");
		assertThat(header(record, "ce_source")).isEqualTo("/leverans/messaging-test");
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "ce_subject")).isEqualTo(orderId.toString());
		assertThat(Instant.parse(header(record, "ce_time"))).isBeforeOrEqualTo(Instant.now());
		assertThat(header(record, "content-type")).isEqualTo("application/json");
		assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"reason\":\"changed plans\"");
		await().until(() -> this.ledger.applied(orderId) == 1);
	}

	@Test
	void rolledBackStateChangeRecordsNoEvent() {
		UUID orderId = UUID.randomUUID();
		assertThatThrownBy(() -> this.transactions.executeWithoutResult(status -> {
			this.outbox.publish(orderId, orderId, cancelled(orderId, "never happened"));
			throw new IllegalStateException("state change failed");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM messaging.outbox_event WHERE record_key = ?",
				Integer.class, orderId.toString())).isZero();
	}

	@Test
	void eventsPublishedInOneTransactionAreSentInTheOrderPublished() {
		UUID orderId = UUID.randomUUID();
		List<String> published = this.transactions.execute(status -> IntStream.range(0, 5)
			.mapToObj(i -> this.outbox.publish(orderId, orderId, cancelled(orderId, "reason " + i)).toString())
			.toList());

		assertThat(this.jdbc.queryForList(
				"SELECT event_id::text FROM messaging.outbox_event WHERE record_key = ? ORDER BY id", String.class,
				orderId.toString()))
			.containsExactlyElementsOf(published);
		assertThat(TopicProbe.awaitRecords(Topics.ORDER, orderId.toString(), found -> found.size() >= 5)
			.stream()
			.map(record -> header(record, "ce_id"))
			.toList()).containsExactlyElementsOf(published);
	}

	@Test
	void refusesToPublishOutsideATransaction() {
		UUID orderId = UUID.randomUUID();
		assertThatThrownBy(() -> this.outbox.publish(orderId, orderId, cancelled(orderId, "no tx")))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void eventsCommittedBeforeACrashAreSentWhenTheRelayRunsAgain() {
		this.relay.stop();
		UUID orderId = UUID.randomUUID();
		try {
			this.transactions.executeWithoutResult(status -> this.outbox.publish(orderId, orderId, cancelled(orderId, "crash")));
			assertThat(this.jdbc.queryForObject(
					"SELECT count(*) FROM messaging.outbox_event WHERE record_key = ? AND sent_at IS NULL", Integer.class,
					orderId.toString())).isOne();
		}
		finally {
			this.relay.start();
		}
		await().until(() -> this.ledger.applied(orderId) == 1);
	}

	@Test
	void anEventCommittedWhileAnotherInstanceRelaysIsSentOnceThatPassEnds() throws Exception {
		UUID orderId = UUID.randomUUID();
		java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		Thread otherInstance = Thread.ofPlatform().start(() -> this.transactions.executeWithoutResult(status -> {
			this.jdbc.queryForObject("SELECT pg_advisory_xact_lock(?) IS NULL", Boolean.class, OutboxRelay.RELAY_LOCK);
			locked.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		try {
			assertThat(locked.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			this.transactions.executeWithoutResult(status -> this.outbox.publish(orderId, orderId,
					cancelled(orderId, "while another instance relayed")));
			// not sent while the other pass holds the lock: it stays unsent for a while, not just at one instant
			await().during(Duration.ofMillis(300))
				.atMost(Duration.ofSeconds(2))
				.until(() -> this.ledger.applied(orderId) == 0);
		}
		finally {
			release.countDown();
			otherInstance.join();
		}
		await().until(() -> this.ledger.applied(orderId) == 1);
	}

	@Test
	void redeliveredEventIsAppliedOnce() throws Exception {
		UUID orderId = UUID.randomUUID();
		String eventId = UUID.randomUUID().toString();
		String body = "{\"orderId\":\"" + orderId + "\",\"reason\":\"twice\"}";
		EventProducer.send(cancellation(orderId, body).id(eventId));
		EventProducer.send(cancellation(orderId, body).id(eventId));
		// A later event on the same key proves the duplicate before it was seen and skipped.
		EventProducer.send(cancellation(orderId, body));
		await().until(() -> this.ledger.applied(orderId) == 2);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM cancellation WHERE event_id = ?", Integer.class,
				eventId)).isOne();
	}

	@Test
	void consumersTakingTheSameEventInOneBatchEachApplyItOnceAsWritten() {
		UUID orderId = UUID.randomUUID();
		List<OrderCancelled> first = new ArrayList<>();
		List<OrderCancelled> second = new ArrayList<>();
		EventHandlers one = EventHandlers.named("first-" + orderId).on(OrderCancelled.class, first::add);
		EventHandlers other = EventHandlers.named("second-" + orderId).on(OrderCancelled.class, second::add);
		String body = "{\"orderId\":\"" + orderId + "\",\"orderNumber\":\"LV-7\",\"reason\":\"both\","
				+ "\"cancelledAt\":\"2026-12-07T05:45:31.355123Z\"}";
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.ORDER, 0, 0L, orderId.toString(),
				body.getBytes(StandardCharsets.UTF_8));
		record.headers()
			.add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
			.add(CloudEventHeaders.TYPE, "leverans.order.cancelled.v1".getBytes(StandardCharsets.UTF_8))
			.add(CloudEventHeaders.TIME, "2026-12-07T05:45:32Z".getBytes(StandardCharsets.UTF_8));

		assertThat(this.inbox.receive(List.of(record), one, other)).isEqualTo(2);
		assertThat(first).singleElement().satisfies(event -> {
			assertThat(event.orderId()).isEqualTo(orderId);
			assertThat(event.reason()).isEqualTo("both");
			assertThat(event.cancelledAt()).isEqualTo(Instant.parse("2026-12-07T05:45:31.355123Z"));
		});
		assertThat(second).isEqualTo(first);
		assertThat(this.inbox.receive(List.of(record), one, other)).as("redelivered").isZero();
	}

	@Test
	void beforeItsHandlersABatchIsShownTheEventsAboutToBeAppliedInTheirTransaction() {
		UUID orderId = UUID.randomUUID();
		List<String> seen = new ArrayList<>();
		List<Boolean> inTransaction = new ArrayList<>();
		EventHandlers handlers = EventHandlers.named("prepared-" + orderId)
			.beforeBatch(events -> {
				events.forEach(event -> seen.add("prepare " + event.id() + " keyed " + event.key()));
				inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
			})
			.on(OrderCancelled.class, event -> seen.add("apply " + event.reason()));
		ConsumerRecord<String, byte[]> first = cancelled(orderId, "first", 0);
		ConsumerRecord<String, byte[]> second = cancelled(orderId, "second", 1);
		this.inbox.receive(List.of(first), handlers);
		seen.clear();

		this.inbox.receive(List.of(first, second), handlers);

		// The event applied before is neither prepared for nor applied again.
		assertThat(seen).containsExactly("prepare " + header(second, "ce_id") + " keyed " + orderId, "apply second");
		assertThat(inTransaction).containsOnly(true);
	}

	private static ConsumerRecord<String, byte[]> cancelled(UUID orderId, String reason, long offset) {
		String body = "{\"orderId\":\"" + orderId + "\",\"orderNumber\":\"LV-7\",\"reason\":\"" + reason
				+ "\",\"cancelledAt\":\"2026-12-07T05:45:31Z\"}";
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.ORDER, 0, offset, orderId.toString(),
				body.getBytes(StandardCharsets.UTF_8));
		record.headers()
			.add(CloudEventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
			.add(CloudEventHeaders.TYPE, "leverans.order.cancelled.v1".getBytes(StandardCharsets.UTF_8))
			.add(CloudEventHeaders.TIME, "2026-12-07T05:45:32Z".getBytes(StandardCharsets.UTF_8));
		return record;
	}

	@Test
	void eventWithFieldsThisConsumerDoesNotKnowIsStillApplied() throws Exception {
		UUID orderId = UUID.randomUUID();
		EventProducer.send(cancellation(orderId,
				"{\"orderId\":\"" + orderId + "\",\"reason\":\"newer writer\",\"refundMethod\":\"CREDIT_NOTE\"}"));
		await().until(() -> this.ledger.applied(orderId) == 1);
	}

	@Test
	void unreadableRecordGoesToDeadLetterTopicAndLaterEventsStillApply() throws Exception {
		UUID orderId = UUID.randomUUID();
		EventProducer.send(cancellation(orderId, "{not json"));
		EventProducer.send(cancellation(orderId, "{\"orderId\":\"" + orderId + "\",\"reason\":\"fine\"}"));
		ConsumerRecord<String, byte[]> dead = firstRecordOn(Topics.deadLetterOf(Topics.ORDER), orderId.toString());
		assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
		assertThat(header(dead, "kafka_dlt-exception-message")).isNotBlank();
		await().until(() -> this.ledger.applied(orderId) == 1);
	}

	@Test
	void failingHandlerIsRetriedThenDeadLetteredWithoutItsEffect() {
		UUID orderId = UUID.randomUUID();
		this.transactions.executeWithoutResult(status -> this.outbox.publish(orderId, orderId, cancelled(orderId, "poison")));

		ConsumerRecord<String, byte[]> dead = firstRecordOn(Topics.deadLetterOf(Topics.ORDER), orderId.toString());
		assertThat(header(dead, "ce_type")).isEqualTo("leverans.order.cancelled.v1");
		assertThat(this.ledger.applied(orderId)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM messaging.inbox_event WHERE event_id = ?",
				Integer.class, header(dead, "ce_id"))).isZero();
		assertThat(scrape().value("leverans_inbox_handled_seconds_count", "consumer", "cancellation-ledger",
				"type", "leverans.order.cancelled.v1", "error", "IllegalStateException"))
			.as("the failed attempts, timed under their error")
			.hasValueSatisfying(count -> assertThat(count).isGreaterThanOrEqualTo(1));
	}

	@Test
	void poisonInTheMiddleOfABatchIsDeadLetteredWhileTheEventsAroundItApplyOnceInOrder() throws Exception {
		UUID orderId = UUID.randomUUID();
		List<String> reasons = List.of("first", "second", "poison", "fourth", "fifth");
		// One key, so all five land on one partition in this order and most likely in one poll.
		EventProducer.sendAll(reasons.stream()
			.map(reason -> cancellation(orderId, "{\"orderId\":\"" + orderId + "\",\"reason\":\"" + reason + "\"}"))
			.toList());
		ConsumerRecord<String, byte[]> dead = firstRecordOn(Topics.deadLetterOf(Topics.ORDER), orderId.toString());
		assertThat(new String(dead.value(), StandardCharsets.UTF_8)).contains("poison");
		await().until(() -> this.ledger.applied(orderId) == 4);
		assertThat(this.jdbc.queryForList("SELECT reason FROM cancellation WHERE order_id = ? ORDER BY ctid",
				String.class, orderId)).containsExactly("first", "second", "fourth", "fifth");
	}

	@Test
	void outboxBacklogCountsEventsWaitingForTheRelayAndHowLongTheOldestWaited() {
		this.relay.stop();
		try {
			UUID orderId = UUID.randomUUID();
			this.transactions.executeWithoutResult(status -> {
				this.outbox.publish(orderId, orderId, cancelled(orderId, "waiting one"));
				this.outbox.publish(orderId, orderId, cancelled(orderId, "waiting two"));
			});
			await().untilAsserted(() -> {
				Scrape scrape = scrape();
				assertThat(scrape.value("leverans_outbox_backlog")).hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(2));
				assertThat(scrape.value("leverans_outbox_oldest_age_seconds"))
					.hasValueSatisfying(v -> assertThat(v).isGreaterThan(0).isLessThan(600));
			});
		}
		finally {
			this.relay.start();
		}
		await().untilAsserted(() -> assertThat(scrape().value("leverans_outbox_backlog")).hasValue(0.0));
		assertThat(scrape().value("leverans_outbox_oldest_age_seconds")).hasValue(0.0);
	}

	@Test
	void deadLettersAreCountedByTheTopicTheyCameFrom() throws Exception {
		double before = scrape().value("leverans_dead_letters_total", "topic", Topics.ORDER).orElseThrow();
		UUID orderId = UUID.randomUUID();
		EventProducer.send(cancellation(orderId, "{still not json"));
		firstRecordOn(Topics.deadLetterOf(Topics.ORDER), orderId.toString());
		await().untilAsserted(() -> assertThat(scrape().value("leverans_dead_letters_total", "topic", Topics.ORDER))
			.hasValue(before + 1));
		assertThat(scrape().value("leverans_dead_letters_total", "topic", Topics.CREDIT)).isPresent();
	}

	@Test
	void deadLetterIsKeptWithItsReasonAndAppliesOnceWhenReplayedAfterTheCauseIsFixed() {
		UUID orderId = UUID.randomUUID();
		this.transactions.executeWithoutResult(
				status -> this.outbox.publish(orderId, orderId, cancelled(orderId, "poison until cured")));
		DeadLetter dead = await().until(() -> deadLetterAbout(orderId), found -> found != null);
		assertThat(dead.consumerGroup()).isEqualTo("messaging-test");
		assertThat(dead.topic()).isEqualTo(Topics.ORDER);
		assertThat(dead.eventType()).isEqualTo("leverans.order.cancelled.v1");
		assertThat(dead.reason()).isEqualTo("java.lang.IllegalStateException: cannot apply " + orderId);
		assertThat(dead.payload()).contains("poison until cured");
		assertThat(this.deadLetters.pendingByTopic()).containsKey(Topics.ORDER);
		assertThat(scrape().value("leverans_dead_letters_pending")).hasValueSatisfying(v -> assertThat(v).isPositive());

		this.ledger.cure();
		DeadLetter replayed = this.deadLetters.replay(dead.id(), "admin");

		assertThat(replayed.status()).isEqualTo(DeadLetterStatus.REPLAYED);
		assertThat(replayed.decidedBy()).isEqualTo("admin");
		await().until(() -> this.ledger.applied(orderId) == 1);
		assertThatThrownBy(() -> this.deadLetters.replay(dead.id(), "admin"))
			.isInstanceOfSatisfying(DeadLetterDecisionRefused.class,
					refused -> assertThat(refused.current()).isEqualTo(DeadLetterStatus.REPLAYED));
		// Sent again by hand, as a lost "replayed" mark would: the inbox knows the event by now.
		this.transactions.executeWithoutResult(status -> this.jdbc.update(
				"UPDATE messaging.dead_letter SET status = 'PENDING' WHERE id = ?", dead.id()));
		this.deadLetters.replay(dead.id(), "admin");
		UUID marker = UUID.randomUUID();
		EventProducer.send(cancellation(orderId, "{\"orderId\":\"" + marker + "\",\"reason\":\"after\"}"));
		await().until(() -> this.ledger.applied(marker) == 1);
		assertThat(this.ledger.applied(orderId)).isEqualTo(1);
	}

	@Test
	void discardedDeadLetterIsNeverAppliedAndCannotBeReplayed() {
		UUID orderId = UUID.randomUUID();
		EventProducer.send(cancellation(orderId, "{broken"));
		DeadLetter dead = await().until(() -> deadLetterAbout(orderId), found -> found != null);
		assertThat(dead.reason()).startsWith("tools.jackson");
		assertThat(dead.key()).isEqualTo(orderId.toString());

		DeadLetter discarded = this.deadLetters.discard(dead.id(), "admin", "sent by a broken test producer");

		assertThat(discarded.status()).isEqualTo(DeadLetterStatus.DISCARDED);
		assertThat(discarded.note()).isEqualTo("sent by a broken test producer");
		assertThat(this.deadLetters.list(DeadLetterStatus.PENDING, Topics.ORDER, 500)).extracting(DeadLetter::id)
			.doesNotContain(dead.id());
		assertThatThrownBy(() -> this.deadLetters.replay(dead.id(), "admin"))
			.isInstanceOf(DeadLetterDecisionRefused.class);
	}

	private DeadLetter deadLetterAbout(UUID orderId) {
		return this.deadLetters.list(DeadLetterStatus.PENDING, Topics.ORDER, 500)
			.stream()
			.filter(deadLetter -> orderId.toString().equals(deadLetter.key()))
			.findFirst()
			.orElse(null);
	}

	@Test
	void aListenerThatCrashedHasItsPartitionsTakenOverOnceItsSessionExpires() throws Exception {
		String topic = "messaging-test.sessions." + UUID.randomUUID();
		String group = "messaging-session-test";
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(10, TimeUnit.SECONDS);
		}
		Consumer<Object, Object> crashed = this.consumers.createConsumer(group, "crashed");
		crashed.subscribe(List.of(topic));
		await().pollInSameThread().until(() -> assignedAfterPoll(crashed) == 3);
		// As a killed process leaves the group: without a word, so Kafka learns of it only when its session expires.
		crashed.close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.REMAIN_IN_GROUP));

		try (Consumer<Object, Object> successor = this.consumers.createConsumer(group, "successor")) {
			successor.subscribe(List.of(topic));
			// The Kafka client's own default session, 45 s, would hold the partitions from the successor longer.
			await().pollInSameThread()
				.atMost(Duration.ofSeconds(30))
				.until(() -> assignedAfterPoll(successor) == 3);
		}
	}

	private static int assignedAfterPoll(Consumer<Object, Object> consumer) {
		consumer.poll(Duration.ofMillis(200));
		return consumer.assignment().size();
	}

	@Test
	void consumerLagAndTheKafkaClientsAreMeasured() {
		UUID orderId = UUID.randomUUID();
		this.transactions.executeWithoutResult(status -> this.outbox.publish(orderId, orderId, cancelled(orderId, "lag")));
		await().until(() -> this.ledger.applied(orderId) == 1);
		await().untilAsserted(() -> {
			Scrape scrape = scrape();
			assertThat(scrape.samples("kafka_consumer_fetch_manager_records_lag_max")).isNotEmpty()
				.allSatisfy(sample -> assertThat(sample.value()).isGreaterThanOrEqualTo(0));
			assertThat(scrape.value("kafka_producer_record_send_total")).hasValueSatisfying(v -> assertThat(v).isPositive());
		});
	}

	@Test
	void theTraceThatPublishedAnEventGoesOnThroughTheOutboxAndKafkaToTheHandler() {
		UUID orderId = UUID.randomUUID();
		Span request = this.tracer.nextSpan().name("POST /api/orders").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(request)) {
			this.transactions.executeWithoutResult(status -> this.outbox.publish(orderId, orderId,
					cancelled(orderId, "traced")));
		}
		finally {
			request.end();
		}
		String traceId = request.context().traceId();
		String traceparent = "00-" + traceId + "-" + request.context().spanId() + "-01";

		assertThat(this.jdbc.queryForObject("SELECT traceparent FROM messaging.outbox_event WHERE record_key = ?",
				String.class, orderId.toString())).isEqualTo(traceparent);
		assertThat(header(firstRecordOn(Topics.ORDER, orderId.toString()), "traceparent")).isEqualTo(traceparent);
		await().until(() -> this.ledger.applied(orderId) == 1);
		assertThat(this.ledger.traceOf(orderId)).isEqualTo(traceId);
		await().untilAsserted(() -> assertThat(this.finishedSpans.getFinishedSpanItems())
			.filteredOn(span -> span.getName().equals("cancellation-ledger leverans.order.cancelled.v1"))
			.filteredOn(span -> span.getTraceId().equals(traceId))
			.singleElement()
			.satisfies(handled -> {
				assertThat(handled.getParentSpanId()).isEqualTo(request.context().spanId());
				assertThat(handled.getKind()).isEqualTo(SpanKind.CONSUMER);
				assertThat(handled.getAttributes().get(AttributeKey.stringKey("consumer")))
					.isEqualTo("cancellation-ledger");
			}));
	}

	@Test
	void anEventRecordedOutsideATraceCarriesNoneAndItsHandlerStartsOne() throws Exception {
		UUID orderId = UUID.randomUUID();
		this.transactions.executeWithoutResult(status -> this.outbox.publish(orderId, orderId,
				cancelled(orderId, "untraced")));

		assertThat(header(firstRecordOn(Topics.ORDER, orderId.toString()), "traceparent")).isNull();
		await().until(() -> this.ledger.applied(orderId) == 1);
		assertThat(this.ledger.traceOf(orderId)).hasSize(32);
		assertThat(scrape().value("leverans_inbox_handled_seconds_count", "consumer", "cancellation-ledger",
				"type", "leverans.order.cancelled.v1", "error", "none"))
			.hasValueSatisfying(count -> assertThat(count).isGreaterThanOrEqualTo(1));
	}

	private Scrape scrape() {
		return Scrape.of(this.metrics.scrape());
	}

	private static OrderCancelled cancelled(UUID orderId, String reason) {
		return new OrderCancelled(orderId, "LV-1", UUID.randomUUID(), "anna", reason, Instant.now());
	}

	private static CloudEventRecord cancellation(UUID orderId, String body) {
		return CloudEventRecord.of(Topics.ORDER, orderId, "leverans.order.cancelled.v1", body);
	}

	private static ConsumerRecord<String, byte[]> firstRecordOn(String topic, String key) {
		return TopicProbe.awaitFirst(topic, key);
	}
}

package org.leverans.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.leverans.contracts.Topics;
import org.leverans.messaging.deadletter.DeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Wires the outbox, the relay, the inbox, CloudEvents-friendly Kafka serialization (string keys, raw JSON bytes as
 * values), bounded retries with a dead-letter topic, and the contract topics, the same way in every service.
 */
@AutoConfiguration(after = { JacksonAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
		DataSourceTransactionManagerAutoConfiguration.class, KafkaAutoConfiguration.class })
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(MessagingAutoConfiguration.class);

	private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(5);

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	MessagingSchema messagingSchema(DataSource dataSource) {
		return new MessagingSchema(dataSource);
	}

	@Bean
	OutboxRelay outboxRelay(MessagingSchema schema, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			KafkaTemplate<Object, Object> kafka, MessagingProperties properties, Clock clock,
			@Value("${spring.application.name:leverans}") String applicationName) {
		String source = (properties.source() != null) ? properties.source() : "/leverans/" + applicationName;
		return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), kafka, properties, source, clock);
	}

	/** With a tracer, events carry the trace on; without one, handlers are still timed. */
	@Bean
	EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
			ObjectProvider<MeterRegistry> meters) {
		return new EventTracing(tracer.getIfAvailable(), propagator.getIfAvailable(), meters.getIfAvailable());
	}

	@Bean
	Outbox outbox(JdbcTemplate jdbc, JsonMapper json, Clock clock, OutboxRelay relay, EventTracing tracing) {
		return new Outbox(jdbc, json, clock, relay, tracing);
	}

	@Bean
	Inbox inbox(MessagingSchema schema, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			JsonMapper json, Clock clock, EventTracing tracing) {
		return new Inbox(jdbc, new TransactionTemplate(transactionManager), json, clock, tracing);
	}

	@Bean
	OutboxMeters outboxMeters(MessagingSchema schema, JdbcTemplate jdbc, Clock clock) {
		return new OutboxMeters(jdbc, clock);
	}

	@Bean
	DeadLetterMeter deadLetterMeter(DeadLetters deadLetters) {
		return new DeadLetterMeter(deadLetters);
	}

	@Bean
	DeadLetters deadLetters(MessagingSchema schema, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			KafkaTemplate<Object, Object> kafka, JsonMapper json, Clock clock) {
		return new DeadLetters(jdbc, new TransactionTemplate(transactionManager), kafka, json, clock);
	}

	@Bean
	DefaultKafkaProducerFactoryCustomizer leveransProducerSettings() {
		Map<String, Object> settings = new HashMap<>();
		settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		settings.put(ProducerConfig.ACKS_CONFIG, "all");
		settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		return factory -> factory.updateConfigs(settings);
	}

	@Bean
	DefaultKafkaConsumerFactoryCustomizer leveransConsumerSettings(MessagingProperties properties,
			@Value("${spring.kafka.consumer.group-id:${spring.application.name:leverans}}") String groupId) {
		Map<String, Object> settings = new HashMap<>();
		settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
		settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		long sessionTimeout = properties.consumerSessionTimeout().toMillis();
		settings.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout);
		settings.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) (sessionTimeout / 3));
		return factory -> factory.updateConfigs(settings);
	}

	/**
	 * Listeners commit their offsets once an {@code offset-commit-interval}, not after each poll batch. The inbox is
	 * what keeps an event from being applied twice, so an offset is only where to start reading again after a crash
	 * or a rebalance (pending offsets are committed when partitions are revoked or the listener stops). Committing
	 * after every small batch cost the broker about a fifth of its CPU at 20 orders/s, and each service a little more
	 * (docs/performance.md).
	 */
	@Bean
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> leveransOffsetCommits(
			MessagingProperties properties) {
		return container -> {
			container.getContainerProperties().setAckMode(AckMode.TIME);
			container.getContainerProperties().setAckTime(properties.offsetCommitInterval().toMillis());
			// A listener stopping while Kafka is away still has offsets to commit; it gives up after this rather than
			// hold the shutdown for the client's minute. What a lost commit replays, the inbox skips.
			container.getContainerProperties().setSyncCommitTimeout(COMMIT_TIMEOUT);
		};
	}

	/**
	 * What happens to a record the {@link Inbox} could not apply. A transient failure (the database or a dependency
	 * away) is retried with a back-off capped at {@code transient-retry-max-interval}, for as long as it takes: the
	 * record is good, it is only early. Any other failure is retried {@code retry-attempts} times with exponential
	 * back-off, then the record is published unchanged (with the failure in {@code kafka_dlt-*} headers) to
	 * {@code <topic>.dlt}, and the listener moves on. Records that can never succeed (unreadable JSON, no CloudEvents
	 * headers) skip the retries.
	 */
	@Bean
	CommonErrorHandler leveransErrorHandler(KafkaTemplate<Object, Object> kafka, MessagingProperties properties,
			DeadLetterMeter deadLetterMeter, DeadLetters deadLetters) {
		DeadLetterPublishingRecoverer deadLetterTopics = new DeadLetterPublishingRecoverer(kafka,
				(record, failure) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
		ConsumerRecordRecoverer recoverer = (record, failure) -> {
			logger.error("Giving up on {}-{}@{} after retries; sending it to {}", record.topic(), record.partition(),
					record.offset(), Topics.deadLetterOf(record.topic()), failure);
			deadLetterTopics.accept(record, failure);
			try {
				deadLetters.record(record, failure, KafkaUtils.getConsumerGroupId());
			}
			catch (RuntimeException ex) {
				// The dead-letter topic has it; only the list a person acts on misses it.
				logger.error("Could not keep {}-{}@{} among this service's dead letters", record.topic(),
						record.partition(), record.offset(), ex);
			}
			deadLetterMeter.deadLettered(record.topic());
		};
		ExponentialBackOffWithMaxRetries poisonBackOff = new ExponentialBackOffWithMaxRetries(properties.retryAttempts());
		poisonBackOff.setInitialInterval(properties.retryInterval().toMillis());
		poisonBackOff.setMultiplier(2.0);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, poisonBackOff);
		handler.addNotRetryableExceptions(JacksonException.class, IllegalArgumentException.class);
		// The function sees the root cause of the failure.
		handler.setBackOffFunction((record, failure) -> (failure != null && TransientFailures.isTransient(failure))
				? untilItPasses(properties) : null);
		// An outage makes every poll fail until it is over; each attempt is worth a line, not a stack trace.
		handler.setLogLevel(KafkaException.Level.WARN);
		return handler;
	}

	private static BackOff untilItPasses(MessagingProperties properties) {
		ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInterval().toMillis(), 2.0);
		backOff.setMaxInterval(properties.transientRetryMaxInterval().toMillis());
		return backOff;
	}

	@Bean
	KafkaAdmin.NewTopics leveransTopics(MessagingProperties properties) {
		List<NewTopic> topics = new ArrayList<>();
		for (String topic : Topics.ALL) {
			topics.add(new NewTopic(topic, properties.partitions(), properties.replicas()));
			topics.add(new NewTopic(Topics.deadLetterOf(topic), properties.partitions(), properties.replicas()));
		}
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}
}

package org.leverans.testsupport.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.leverans.testsupport.infrastructure.TestInfrastructure;

import static org.awaitility.Awaitility.await;

/**
 * Reads what was published on a topic of the test broker, from its beginning, and waits until the records with one
 * key are what the test expects. A consumer of its own with no group, so it never joins (or delays) the
 * application's consumers.
 */
public final class TopicProbe {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private TopicProbe() {
	}

	/** The records with this key, as soon as {@code done} says they are all there. */
	public static List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, Object key,
			Predicate<List<ConsumerRecord<String, byte[]>>> done) {
		return read(topic, key, (consumer, found) -> done.test(found));
	}

	/** The first record with this key. */
	public static ConsumerRecord<String, byte[]> awaitFirst(String topic, Object key) {
		return awaitRecords(topic, key, (found) -> !found.isEmpty()).get(0);
	}

	/** The first record with this key and CloudEvents type. */
	public static ConsumerRecord<String, byte[]> awaitFirst(String topic, Object key, String type) {
		return awaitRecords(topic, key, (found) -> found.stream().anyMatch((record) -> isOfType(record, type)))
			.stream()
			.filter((record) -> isOfType(record, type))
			.findFirst()
			.orElseThrow();
	}

	/** Every record with this key, once at least one has arrived and the topic is read to its end. */
	public static List<ConsumerRecord<String, byte[]>> awaitAll(String topic, Object key) {
		return read(topic, key, (consumer, found) -> !found.isEmpty() && caughtUp(consumer));
	}

	/** Like {@link #awaitRecords}, as {@link ReceivedEvent}s. */
	public static List<ReceivedEvent> awaitEvents(String topic, Object key, Predicate<List<ReceivedEvent>> done) {
		return awaitRecords(topic, key, (found) -> done.test(found.stream().map(ReceivedEvent::of).toList()))
			.stream()
			.map(ReceivedEvent::of)
			.toList();
	}

	/** A header's value as text, or null when the record has none of that name. */
	public static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static boolean isOfType(ConsumerRecord<?, ?> record, String type) {
		return type.equals(header(record, "ce_type"));
	}

	private static List<ConsumerRecord<String, byte[]>> read(String topic, Object key, Done done) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
			await().atMost(TIMEOUT).until(() -> {
				if (consumer.assignment().isEmpty() && !assignFromTheBeginning(consumer, topic)) {
					return false; // a topic nobody has written to yet may have no partitions; ask again
				}
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (key.toString().equals(record.key())) {
						found.add(record);
					}
				}
				return done.test(consumer, found);
			});
			return found;
		}
	}

	private static boolean assignFromTheBeginning(KafkaConsumer<?, ?> consumer, String topic) {
		List<TopicPartition> partitions = consumer.partitionsFor(topic)
			.stream()
			.map((partition) -> new TopicPartition(topic, partition.partition()))
			.toList();
		if (partitions.isEmpty()) {
			return false;
		}
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		return true;
	}

	private static boolean caughtUp(KafkaConsumer<?, ?> consumer) {
		Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
		return !ends.isEmpty()
				&& ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
	}

	private interface Done {

		boolean test(KafkaConsumer<String, byte[]> consumer, List<ConsumerRecord<String, byte[]>> found);

	}
}

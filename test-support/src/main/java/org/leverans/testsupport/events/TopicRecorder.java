package org.leverans.testsupport.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.leverans.testsupport.infrastructure.TestInfrastructure;

/**
 * Everything published on one topic of the test broker during the test run, by record key, read by one consumer in
 * the background from the topic's beginning. For tests that look at many keys at once, or that check nothing more
 * was published, where reading the topic again for every key would be slow.
 */
public final class TopicRecorder {

	private static final Map<String, TopicRecorder> recorders = new ConcurrentHashMap<>();

	private final Map<String, List<ReceivedEvent>> byKey = new ConcurrentHashMap<>();

	private TopicRecorder() {
	}

	/** The recorder of this topic, started by the first call. */
	public static TopicRecorder of(String topic) {
		return recorders.computeIfAbsent(topic, (name) -> {
			TopicRecorder recorder = new TopicRecorder();
			Thread.ofPlatform().daemon().name("topic-recorder-" + name).start(() -> recorder.read(name));
			return recorder;
		});
	}

	/** What arrived with this key so far, in order. */
	public List<ReceivedEvent> received(Object key) {
		return List.copyOf(this.byKey.getOrDefault(key.toString(), List.of()));
	}

	/** The CloudEvents types of what arrived with this key so far, in order. */
	public List<String> typesReceived(Object key) {
		return received(key).stream().map(ReceivedEvent::type).toList();
	}

	private void read(String topic) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "topic-recorder-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			while (true) {
				consumer.poll(Duration.ofMillis(200))
					.forEach((record) -> this.byKey.computeIfAbsent(record.key(), (key) -> new CopyOnWriteArrayList<>())
						.add(ReceivedEvent.of(record)));
			}
		}
	}
}

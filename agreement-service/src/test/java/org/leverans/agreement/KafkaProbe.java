package org.leverans.agreement;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.leverans.contracts.EventContract;
import org.leverans.testsupport.infrastructure.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/** Produces events the way other services do (CloudEvents headers) and reads what this service published. */
public final class KafkaProbe {

	private static KafkaProducer<String, byte[]> producer;

	private KafkaProbe() {
	}

	/** Sends an event as its writer would, with the given CloudEvents id. */
	public static RecordMetadata send(JsonMapper json, Object key, Object event, String eventId) {
		EventContract contract = event.getClass().getAnnotation(EventContract.class);
		return sendRaw(contract.topic(), key, contract.type(), json.writeValueAsBytes(event), eventId);
	}

	/** Sends a body as it is, e.g. one with fields a newer writer added. */
	public static synchronized RecordMetadata sendRaw(String topic, Object key, String type, byte[] body,
			String eventId) {
		if (producer == null) {
			producer = new KafkaProducer<>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
					new StringSerializer(), new ByteArraySerializer());
			Runtime.getRuntime().addShutdownHook(new Thread(producer::close));
		}
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key.toString(), body);
		header(record, "ce_id", eventId);
		header(record, "ce_type", type);
		header(record, "ce_specversion", "1.0");
		header(record, "ce_source", "/leverans/test");
		header(record, "ce_subject", key.toString());
		try {
			return producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not send " + type, ex);
		}
	}

	/** Every record on the topic with this key, once at least one has arrived and the topic is read to its end. */
	public static List<ConsumerRecord<String, byte[]>> recordsOn(String topic, Object key) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(r -> {
					if (key.toString().equals(r.key())) {
						found.add(r);
					}
				});
				return !found.isEmpty() && !consumer.assignment().isEmpty()
						&& consumer.assignment().stream().allMatch(p -> caughtUp(consumer, p));
			});
			return found;
		}
	}

	public static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static boolean caughtUp(KafkaConsumer<?, ?> consumer, TopicPartition partition) {
		return consumer.position(partition) >= consumer.endOffsets(List.of(partition)).get(partition);
	}

	private static void header(ProducerRecord<?, ?> record, String name, String value) {
		record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}
}

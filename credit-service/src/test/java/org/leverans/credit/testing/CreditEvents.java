package org.leverans.credit.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.leverans.contracts.Topics;
import org.leverans.testsupport.infrastructure.TestInfrastructure;

/**
 * Everything credit-service publishes on {@code leverans.credit.v1} during the test run, by record key (order id),
 * read by one plain Kafka consumer in the background.
 */
public final class CreditEvents {

	private static final Map<String, List<Received>> byKey = new ConcurrentHashMap<>();

	private static volatile boolean started;

	private CreditEvents() {
	}

	/** A record as it arrived: CloudEvents type and id, and the JSON body. */
	public record Received(String type, String id, String body) {
	}

	public static synchronized void start() {
		if (started) {
			return;
		}
		started = true;
		Thread reader = new Thread(CreditEvents::read, "credit-events-reader");
		reader.setDaemon(true);
		reader.start();
	}

	public static List<Received> of(UUID orderId) {
		return List.copyOf(byKey.getOrDefault(orderId.toString(), List.of()));
	}

	public static List<String> typesOf(UUID orderId) {
		return of(orderId).stream().map(Received::type).toList();
	}

	private static void read() {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "credit-events-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(Topics.CREDIT));
			while (true) {
				consumer.poll(Duration.ofMillis(200)).forEach(record -> byKey
					.computeIfAbsent(record.key(), key -> new CopyOnWriteArrayList<>())
					.add(new Received(header(record.headers().lastHeader("ce_type")),
							header(record.headers().lastHeader("ce_id")),
							new String(record.value(), StandardCharsets.UTF_8))));
			}
		}
	}

	private static String header(Header header) {
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}
}

package org.leverans.testsupport.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.leverans.testsupport.infrastructure.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends events to the test broker as the writing service would ({@link CloudEventRecord}), and returns once the
 * broker has them. One producer serves the whole test JVM, so records sent one after another keep their order per
 * key.
 */
public final class EventProducer {

	private static KafkaProducer<String, byte[]> producer;

	private final JsonMapper json;

	/** {@code json} writes the bodies: the application's own mapper, so tests send what the writer would. */
	public EventProducer(JsonMapper json) {
		this.json = json;
	}

	/** Publishes an event of {@code contracts} under a new CloudEvents id and returns that id. */
	public String publish(Object key, Object event) {
		return publish(key, event, UUID.randomUUID().toString());
	}

	/** Publishes an event under the given CloudEvents id, as a redelivery would. */
	public String publish(Object key, Object event, String eventId) {
		send(CloudEventRecord.of(key, event, this.json).id(eventId));
		return eventId;
	}

	/** Sends {@code body} (any JSON-able object) as an event of the given contract type. */
	public String publishAs(Object key, Class<?> contractType, Object body) {
		CloudEventRecord record = CloudEventRecord.as(key, contractType, body, this.json);
		send(record);
		return record.id();
	}

	/** Sends one record; where it landed tells a test how far the consumer must commit to have seen it. */
	public static RecordMetadata send(CloudEventRecord record) {
		return sendAll(List.of(record)).get(0);
	}

	/** Sends the records in this order, all before waiting for the first acknowledgement (so they batch). */
	public static List<RecordMetadata> sendAll(List<CloudEventRecord> records) {
		KafkaProducer<String, byte[]> producer = producer();
		List<Future<RecordMetadata>> sent = new ArrayList<>();
		for (CloudEventRecord record : records) {
			sent.add(producer.send(record.toProducerRecord()));
		}
		producer.flush();
		List<RecordMetadata> landed = new ArrayList<>();
		for (Future<RecordMetadata> acknowledgement : sent) {
			try {
				landed.add(acknowledgement.get());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("The test broker refused a record", ex.getCause());
			}
		}
		return landed;
	}

	private static synchronized KafkaProducer<String, byte[]> producer() {
		if (producer == null) {
			producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
					TestInfrastructure.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
					new StringSerializer(), new ByteArraySerializer());
			Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "test-producer-shutdown"));
		}
		return producer;
	}
}

package org.leverans.testsupport.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.leverans.contracts.EventContract;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Kafka record as a writing service's outbox relay sends it: the JSON body, CloudEvents binary-mode headers
 * ({@code ce_id}, {@code ce_type}, {@code ce_specversion}, {@code ce_source}, {@code ce_subject}, {@code ce_time},
 * {@code content-type}), keyed by the aggregate. The header names are written out here rather than taken from
 * messaging, so messaging's own tests read records that were not made by the code under test.
 *
 * <pre>
 * EventProducer.send(CloudEventRecord.of(Topics.ORDER, orderId, "leverans.order.placed.v1", body).id(eventId));
 * </pre>
 */
public final class CloudEventRecord {

	private final String topic;

	private final String key;

	private final String type;

	private final byte[] body;

	private String id = UUID.randomUUID().toString();

	private String source = "/leverans/test";

	private String subject;

	private CloudEventRecord(String topic, String key, String type, byte[] body) {
		this.topic = topic;
		this.key = key;
		this.type = type;
		this.body = body;
		this.subject = key;
	}

	/** A body as it is, e.g. unreadable JSON or one with fields a newer writer added. */
	public static CloudEventRecord of(String topic, Object key, String type, byte[] body) {
		return new CloudEventRecord(topic, key.toString(), type, body);
	}

	/** A body as it is, UTF-8. */
	public static CloudEventRecord of(String topic, Object key, String type, String body) {
		return of(topic, key, type, body.getBytes(StandardCharsets.UTF_8));
	}

	/** An event record of {@code contracts}, on its topic under its type ({@link EventContract}). */
	public static CloudEventRecord of(Object key, Object event, JsonMapper json) {
		return as(key, event.getClass(), event, json);
	}

	/** Any JSON-able body sent as the contract type's event, e.g. a map missing a field. */
	public static CloudEventRecord as(Object key, Class<?> contractType, Object body, JsonMapper json) {
		EventContract contract = contractType.getAnnotation(EventContract.class);
		if (contract == null) {
			throw new IllegalArgumentException(contractType.getName() + " is not an @EventContract");
		}
		return of(contract.topic(), key, contract.type(), json.writeValueAsBytes(body));
	}

	/** The CloudEvents id, e.g. the same one twice for a redelivery; a new UUID unless set. */
	public CloudEventRecord id(String id) {
		this.id = id;
		return this;
	}

	public CloudEventRecord source(String source) {
		this.source = source;
		return this;
	}

	public CloudEventRecord subject(String subject) {
		this.subject = subject;
		return this;
	}

	public String id() {
		return this.id;
	}

	public ProducerRecord<String, byte[]> toProducerRecord() {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(this.topic, this.key, this.body);
		header(record, "ce_id", this.id);
		header(record, "ce_type", this.type);
		header(record, "ce_specversion", "1.0");
		header(record, "ce_source", this.source);
		header(record, "ce_subject", this.subject);
		header(record, "ce_time", Instant.now().toString());
		header(record, "content-type", "application/json");
		return record;
	}

	/**
	 * The record as a listener receives it from Kafka, at {@code offset} of partition 0: to hand a batch listener
	 * a batch of one's choosing in one call, with no broker in between.
	 */
	public ConsumerRecord<String, byte[]> toConsumerRecord(long offset) {
		ProducerRecord<String, byte[]> sent = toProducerRecord();
		ConsumerRecord<String, byte[]> received = new ConsumerRecord<>(sent.topic(), 0, offset, sent.key(),
				sent.value());
		sent.headers().forEach(received.headers()::add);
		return received;
	}

	private static void header(ProducerRecord<?, ?> record, String name, String value) {
		record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}
}

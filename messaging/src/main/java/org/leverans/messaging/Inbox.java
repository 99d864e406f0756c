package org.leverans.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotent consumer: applies a received event at most once per consumer. The event's {@code ce_id} is
 * remembered in the same transaction as the handler's effect (and any events the handler writes to the
 * {@link Outbox}), so a redelivery after a crash or a rebalance is recognised and skipped.
 *
 * <p>
 * A handler that throws rolls everything back; the listener's error handler retries with back-off and then sends
 * the record to {@code <topic>.dlt}.
 */
public class Inbox {

	private static final Logger logger = LoggerFactory.getLogger(Inbox.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	Inbox(JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		// Writers may add fields to an event without a new type version, so reading must never fail on them,
		// whatever strictness the service chose for its HTTP request bodies.
		this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		this.clock = clock;
	}

	/**
	 * Applies the record with the matching handler, once.
	 * @return {@code true} if a handler ran, {@code false} for a duplicate or a type this consumer ignores
	 */
	public boolean receive(ConsumerRecord<?, byte[]> record, EventHandlers handlers) {
		EventMetadata metadata = metadataOf(record);
		EventHandlers.Handler<?> handler = handlers.handlerFor(metadata.type());
		if (handler == null) {
			logger.debug("{} ignores {} {}", handlers.consumer(), metadata.type(), metadata.id());
			return false;
		}
		Object payload = this.json.readValue(record.value(), handler.payloadType());
		Boolean applied = this.transactions.execute(status -> {
			int remembered = this.jdbc.update("""
					INSERT INTO messaging.inbox_event (consumer, event_id, type, received_at) VALUES (?, ?, ?, ?)
					ON CONFLICT DO NOTHING""", handlers.consumer(), metadata.id(), metadata.type(),
					Timestamp.from(this.clock.instant()));
			if (remembered == 0) {
				return false;
			}
			handler.apply(payload, metadata);
			return true;
		});
		if (!Boolean.TRUE.equals(applied)) {
			logger.debug("{} already applied {} {}", handlers.consumer(), metadata.type(), metadata.id());
		}
		return Boolean.TRUE.equals(applied);
	}

	static EventMetadata metadataOf(ConsumerRecord<?, byte[]> record) {
		String id = header(record, CloudEventHeaders.ID);
		String type = header(record, CloudEventHeaders.TYPE);
		if (id == null || type == null) {
			throw new IllegalArgumentException("Record " + record.topic() + "-" + record.partition() + "@"
					+ record.offset() + " has no CloudEvents ce_id/ce_type headers");
		}
		String time = header(record, CloudEventHeaders.TIME);
		return new EventMetadata(id, type, header(record, CloudEventHeaders.SOURCE),
				header(record, CloudEventHeaders.SUBJECT), (time != null) ? Instant.parse(time) : null,
				record.topic(), (record.key() != null) ? String.valueOf(record.key()) : null, record.partition(),
				record.offset());
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}
}

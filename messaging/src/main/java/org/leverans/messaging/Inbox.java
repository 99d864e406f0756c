package org.leverans.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotent consumer: applies received events at most once per consumer. Each event's {@code ce_id} is
 * remembered in the same transaction as the handler's effect (and any events the handler writes to the
 * {@link Outbox}), so a redelivery after a crash or a rebalance is recognised and skipped.
 *
 * <p>
 * Listeners hand over a whole poll batch, which is applied in one transaction: one commit for the batch instead of
 * one per event is most of what a consumer costs. The batch is applied in record order, so one order's events keep
 * their order.
 *
 * <pre>
 * &#64;KafkaListener(topics = Topics.ORDER, batch = "true")
 * void on(List&lt;ConsumerRecord&lt;String, byte[]&gt;&gt; records) {
 *     this.inbox.receive(records, this.handlers);
 * }
 * </pre>
 *
 * <p>
 * When a batch fails, nothing of it stays applied. A {@link TransientFailures transient} failure (the database or a
 * dependency away) hands the whole batch back to the listener's error handler, which backs off and retries it until
 * it succeeds: such a record never goes to a dead-letter topic. Any other failure is looked for record by record,
 * each in its own transaction, so the records before the failing one stay applied and only the failing one is
 * retried a few times and then sent to {@code <topic>.dlt}.
 */
public class Inbox {

	private static final Logger logger = LoggerFactory.getLogger(Inbox.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	private final EventTracing tracing;

	Inbox(JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock, EventTracing tracing) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		// Writers may add fields to an event without a new type version, so reading must never fail on them,
		// whatever strictness the service chose for its HTTP request bodies.
		this.json = json.rebuild()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.addModule(IsoTimestamps.module())
			.build();
		this.clock = clock;
		this.tracing = tracing;
	}

	/**
	 * Applies a poll batch with the matching handlers, each event once per consumer.
	 * @param records the batch, in the order the listener received it
	 * @param handlers one or more consumers; each remembers the events it applied under its own name, and all apply
	 * in one transaction
	 * @return how many handler invocations ran (duplicates and ignored types are not counted)
	 * @throws BatchListenerFailedException naming the record the listener's error handler should retry from
	 */
	public int receive(List<? extends ConsumerRecord<?, byte[]>> records, EventHandlers... handlers) {
		if (records.isEmpty()) {
			return 0;
		}
		try {
			return applyInOneTransaction(records, handlers);
		}
		catch (RuntimeException batchFailure) {
			if (TransientFailures.isTransient(batchFailure)) {
				throw failedAt(records.get(0), batchFailure);
			}
			logger.warn("Could not apply a batch of {} at once, applying it record by record to find the failing one: {}",
					records.size(), batchFailure.toString(), batchFailure);
			return applyOneByOne(records, handlers);
		}
	}

	private int applyOneByOne(List<? extends ConsumerRecord<?, byte[]>> records, EventHandlers... handlers) {
		int applied = 0;
		for (ConsumerRecord<?, byte[]> record : records) {
			try {
				applied += applyInOneTransaction(List.of(record), handlers);
			}
			catch (RuntimeException failure) {
				throw failedAt(record, failure);
			}
		}
		return applied;
	}

	private int applyInOneTransaction(List<? extends ConsumerRecord<?, byte[]>> records, EventHandlers... handlers) {
		Integer applied = this.transactions.execute(status -> {
			int count = 0;
			// Several consumers of one service often take the same event; it is read from JSON once.
			Map<Decoded, Object> payloads = new HashMap<>();
			for (EventHandlers consumer : handlers) {
				count += apply(records, consumer, payloads);
			}
			return count;
		});
		return (applied != null) ? applied : 0;
	}

	/** Within the caller's transaction: remembers the batch's new event ids, then runs their handlers in order. */
	private int apply(List<? extends ConsumerRecord<?, byte[]>> records, EventHandlers handlers,
			Map<Decoded, Object> payloads) {
		Map<String, Received> wanted = new LinkedHashMap<>();
		for (ConsumerRecord<?, byte[]> record : records) {
			EventMetadata metadata = metadataOf(record);
			EventHandlers.Handler<?> handler = handlers.handlerFor(metadata.type());
			if (handler == null) {
				logger.debug("{} ignores {} {}", handlers.consumer(), metadata.type(), metadata.id());
				continue;
			}
			// The same event twice in one batch (a producer retry) is applied once, like any other duplicate.
			wanted.putIfAbsent(metadata.id(), new Received(record, metadata, handler));
		}
		if (wanted.isEmpty()) {
			return 0;
		}
		Set<String> fresh = remember(handlers.consumer(), wanted.values());
		List<EventMetadata> applying = new ArrayList<>(fresh.size());
		for (Received received : wanted.values()) {
			if (fresh.contains(received.metadata().id())) {
				applying.add(received.metadata());
			}
		}
		if (!applying.isEmpty()) {
			handlers.prepare(applying);
		}
		int applied = 0;
		for (Received received : wanted.values()) {
			if (!fresh.contains(received.metadata().id())) {
				logger.debug("{} already applied {} {}", handlers.consumer(), received.metadata().type(),
						received.metadata().id());
				continue;
			}
			Object payload = payloads.computeIfAbsent(new Decoded(received.record(), received.handler().payloadType()),
					decoded -> this.json.readValue(decoded.record().value(), decoded.type()));
			// The handler goes on with the trace that recorded the event; what it publishes carries it further.
			this.tracing.handle(received.record().headers(), received.metadata(), handlers.consumer(),
					() -> received.handler().apply(payload, received.metadata()));
			applied++;
		}
		return applied;
	}

	/** One statement for the whole batch: the ids it returns are those this consumer has not applied before. */
	private Set<String> remember(String consumer, Iterable<Received> batch) {
		List<String> ids = new ArrayList<>();
		List<String> types = new ArrayList<>();
		for (Received received : batch) {
			ids.add(received.metadata().id());
			types.add(received.metadata().type());
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		return new HashSet<>(this.jdbc.query((Connection connection) -> {
			PreparedStatement statement = connection.prepareStatement("""
					INSERT INTO messaging.inbox_event (consumer, event_id, type, received_at)
					SELECT ?, id, type, ? FROM unnest(?::text[], ?::text[]) AS batch(id, type)
					ON CONFLICT DO NOTHING
					RETURNING event_id""");
			statement.setString(1, consumer);
			statement.setTimestamp(2, now);
			statement.setArray(3, textArray(connection, ids));
			statement.setArray(4, textArray(connection, types));
			return statement;
		}, (rs, n) -> rs.getString(1)));
	}

	private static Array textArray(Connection connection, List<String> values) throws SQLException {
		return connection.createArrayOf("text", values.toArray());
	}

	private static BatchListenerFailedException failedAt(ConsumerRecord<?, ?> record, RuntimeException failure) {
		return new BatchListenerFailedException("Could not apply " + record.topic() + "-" + record.partition() + "@"
				+ record.offset() + ": " + failure.getMessage(), failure, record);
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
				header(record, CloudEventHeaders.SUBJECT), (time != null) ? IsoTimestamps.instant(time) : null,
				record.topic(), (record.key() != null) ? String.valueOf(record.key()) : null, record.partition(),
				record.offset());
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private record Received(ConsumerRecord<?, byte[]> record, EventMetadata metadata,
			EventHandlers.Handler<?> handler) {
	}

	/**
	 * A record read as one payload type. {@code ConsumerRecord} keeps {@code Object}'s equality, so this is the
	 * record itself, not an equal one. Payloads are records that handlers only read, so one instance can go to each.
	 */
	private record Decoded(ConsumerRecord<?, byte[]> record, Class<?> type) {
	}
}

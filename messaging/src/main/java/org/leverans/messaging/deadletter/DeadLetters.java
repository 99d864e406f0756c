package org.leverans.messaging.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.leverans.messaging.CloudEventHeaders;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The records this service's consumers gave up on, kept as they were received so that a person can see why, and
 * replay or discard each once the cause is known. A replay sends the record, unchanged, to the topic it came from:
 * every consumer that applied it before recognises its {@code ce_id} in its inbox and skips it, so only the consumers
 * that could not apply it act on it, once.
 */
public class DeadLetters {

	private static final int PAYLOAD_SHOWN = 4096;

	private static final int REASON_KEPT = 2000;

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

	private static final TypeReference<List<StoredHeader>> HEADERS = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			id, consumer_group, topic, partition, record_offset, record_key, payload, event_id, event_type, failure,
			failed_at, status, decided_by, decided_at, note""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<Object, Object> kafka;

	private final JsonMapper json;

	private final Clock clock;

	public DeadLetters(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaTemplate<Object, Object> kafka,
			JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.kafka = kafka;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Keeps a record the consumer group gave up on. Recording it twice (the error handler ran again after a crash) keeps
	 * it once.
	 */
	public void record(ConsumerRecord<?, ?> record, Throwable failure, String consumerGroup) {
		List<StoredHeader> headers = new ArrayList<>();
		for (Header header : record.headers()) {
			headers.add(new StoredHeader(header.key(),
					(header.value() != null) ? Base64.getEncoder().encodeToString(header.value()) : null));
		}
		this.jdbc.update("""
				INSERT INTO messaging.dead_letter (consumer_group, topic, partition, record_offset, record_key, headers,
				    payload, event_id, event_type, failure, failed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""", (consumerGroup != null) ? consumerGroup : "unknown", record.topic(),
				record.partition(), record.offset(), bytes(record.key()), this.json.writeValueAsString(headers),
				bytes(record.value()), text(header(record, CloudEventHeaders.ID)),
				text(header(record, CloudEventHeaders.TYPE)), reason(failure), Timestamp.from(this.clock.instant()));
	}

	/** The newest first. */
	public List<DeadLetter> list(DeadLetterStatus status, String topic, int limit) {
		return this.jdbc.query("SELECT " + COLUMNS + """
				 FROM messaging.dead_letter
				WHERE status = ? AND (CAST(? AS TEXT) IS NULL OR topic = ?)
				ORDER BY id DESC LIMIT ?""", this::deadLetter, status.name(), topic, topic, limit);
	}

	public DeadLetter find(long id) {
		List<DeadLetter> found = this.jdbc.query("SELECT " + COLUMNS + " FROM messaging.dead_letter WHERE id = ?",
				this::deadLetter, id);
		if (found.isEmpty()) {
			throw new DeadLetterDecisionRefused("No dead letter " + id, null);
		}
		return found.getFirst();
	}

	/** How many dead letters wait for a decision. */
	public long pending() {
		Long pending = this.jdbc.queryForObject("SELECT count(*) FROM messaging.dead_letter WHERE status = 'PENDING'",
				Long.class);
		return (pending != null) ? pending : 0;
	}

	/** Dead letters waiting for a decision, by the topic they came from. */
	public Map<String, Long> pendingByTopic() {
		Map<String, Long> pending = new LinkedHashMap<>();
		this.jdbc.query("""
				SELECT topic, count(*) FROM messaging.dead_letter WHERE status = 'PENDING' GROUP BY topic ORDER BY topic""",
				(ResultSet rs) -> {
					pending.put(rs.getString(1), rs.getLong(2));
				});
		return pending;
	}

	/**
	 * Sends the record again, unchanged, to the topic it came from, and marks it replayed. Should the mark be lost after
	 * the send, a second replay is harmless: the consumers' inboxes know the event by then.
	 */
	public DeadLetter replay(long id, String by) {
		this.transactions.executeWithoutResult(status -> {
			Stored stored = pendingForUpdate(id);
			send(stored);
			decide(id, DeadLetterStatus.REPLAYED, by, null);
		});
		return find(id);
	}

	/** Marks the record as dealt with, without applying it. */
	public DeadLetter discard(long id, String by, String note) {
		this.transactions.executeWithoutResult(status -> {
			pendingForUpdate(id);
			decide(id, DeadLetterStatus.DISCARDED, by, note);
		});
		return find(id);
	}

	private Stored pendingForUpdate(long id) {
		List<Stored> rows = this.jdbc.query("""
				SELECT topic, record_key, headers, payload, status FROM messaging.dead_letter WHERE id = ? FOR UPDATE""",
				(rs, n) -> new Stored(rs.getString("topic"), rs.getBytes("record_key"), rs.getString("headers"),
						rs.getBytes("payload"), DeadLetterStatus.valueOf(rs.getString("status"))),
				id);
		if (rows.isEmpty()) {
			throw new DeadLetterDecisionRefused("No dead letter " + id, null);
		}
		Stored stored = rows.getFirst();
		if (stored.status() != DeadLetterStatus.PENDING) {
			throw new DeadLetterDecisionRefused("Dead letter " + id + " is " + stored.status() + " already",
					stored.status());
		}
		return stored;
	}

	private void decide(long id, DeadLetterStatus status, String by, String note) {
		this.jdbc.update("UPDATE messaging.dead_letter SET status = ?, decided_by = ?, decided_at = ?, note = ? "
				+ "WHERE id = ?", status.name(), by, Timestamp.from(this.clock.instant()), note, id);
	}

	private void send(Stored stored) {
		List<Header> headers = new ArrayList<>();
		for (StoredHeader header : this.json.readValue(stored.headers(), HEADERS)) {
			headers.add(new RecordHeader(header.name(),
					(header.value() != null) ? Base64.getDecoder().decode(header.value()) : null));
		}
		String key = (stored.key() != null) ? new String(stored.key(), StandardCharsets.UTF_8) : null;
		try {
			this.kafka.send(new ProducerRecord<>(stored.topic(), null, key, stored.payload(), headers))
				.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while replaying to " + stored.topic(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not replay to " + stored.topic() + ": " + ex.getMessage(), ex);
		}
	}

	private DeadLetter deadLetter(ResultSet rs, int row) throws SQLException {
		Timestamp decidedAt = rs.getTimestamp("decided_at");
		byte[] key = rs.getBytes("record_key");
		return new DeadLetter(rs.getLong("id"), rs.getString("consumer_group"), rs.getString("topic"),
				rs.getInt("partition"), rs.getLong("record_offset"),
				(key != null) ? utf8(key, Integer.MAX_VALUE) : null, rs.getString("event_id"),
				rs.getString("event_type"), rs.getString("failure"), rs.getTimestamp("failed_at").toInstant(),
				DeadLetterStatus.valueOf(rs.getString("status")), rs.getString("decided_by"),
				(decidedAt != null) ? decidedAt.toInstant() : null, rs.getString("note"),
				utf8(rs.getBytes("payload"), PAYLOAD_SHOWN));
	}

	/** The value as text when it is UTF-8, shortened to {@code limit} characters; else a note of its size. */
	private static String utf8(byte[] bytes, int limit) {
		if (bytes == null) {
			return null;
		}
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return (text.length() > limit) ? text.substring(0, limit) + "…" : text;
		}
		catch (CharacterCodingException ex) {
			return "(" + bytes.length + " bytes, not UTF-8)";
		}
	}

	private static byte[] bytes(Object value) {
		if (value == null) {
			return null;
		}
		return (value instanceof byte[] raw) ? raw : value.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/** PostgreSQL text takes no NUL; a hostile record must still be recorded. */
	private static String text(String value) {
		return (value != null) ? value.replace('\0', '\uFFFD') : null;
	}

	/** The innermost failure says what went wrong; the wrappers around it only say where. */
	private static String reason(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String reason = (cause == null) ? "unknown"
				: cause.getClass().getName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
		reason = text(reason);
		return (reason.length() > REASON_KEPT) ? reason.substring(0, REASON_KEPT) + "…" : reason;
	}

	private record StoredHeader(String name, String value) {
	}

	private record Stored(String topic, byte[] key, String headers, byte[] payload, DeadLetterStatus status) {
	}
}

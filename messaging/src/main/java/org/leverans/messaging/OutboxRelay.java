package org.leverans.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends outbox events to Kafka in the order they were recorded, and marks them sent.
 *
 * <p>
 * Only one instance of a service relays at a time: a pass holds a PostgreSQL advisory lock for its transaction, so
 * events of one order are never sent out of order by two instances racing. A crash after the send and before the
 * mark sends the event again on the next pass; consumers remember event ids, so that costs nothing.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	/** Arbitrary but fixed: the advisory lock that makes one relay pass exclusive per database. */
	static final long RELAY_LOCK = 0x4c65766572616e73L;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<Object, Object> kafka;

	private final MessagingProperties properties;

	private final String source;

	private final Clock clock;

	/** What a batch returns when another instance's pass holds the lock. */
	private static final int LOCKED_ELSEWHERE = -1;

	private static final long LOCK_RETRY_MILLIS = 100;

	private final AtomicBoolean pending = new AtomicBoolean();

	private ScheduledExecutorService executor;

	private volatile boolean running;

	OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaTemplate<Object, Object> kafka,
			MessagingProperties properties, String source, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.kafka = kafka;
		this.properties = properties;
		this.source = source;
		this.clock = clock;
	}

	/** Asks for a pass soon, e.g. right after a transaction that wrote to the outbox committed. */
	void wakeUp() {
		ScheduledExecutorService current = this.executor;
		if (this.running && current != null && this.pending.compareAndSet(false, true)) {
			current.execute(this::relaySafely);
		}
	}

	/**
	 * Sends what is waiting, one batch after another, until the outbox is empty or another instance holds the lock.
	 * @return how many events were sent
	 */
	public int relayPending() {
		int total = 0;
		int sent;
		do {
			sent = relayBatch();
			if (sent == LOCKED_ELSEWHERE) {
				// Another instance's pass may have looked before our rows committed: look again shortly, rather than
				// leave them for the next scheduled pass.
				retrySoon();
				return total;
			}
			total += sent;
		}
		while (sent == this.properties.relayBatchSize());
		return total;
	}

	private void retrySoon() {
		ScheduledExecutorService current = this.executor;
		if (this.running && current != null && !current.isShutdown()) {
			current.schedule(this::wakeUp, LOCK_RETRY_MILLIS, TimeUnit.MILLISECONDS);
		}
	}

	private void relaySafely() {
		this.pending.set(false);
		try {
			relayPending();
		}
		catch (RuntimeException ex) {
			// Kafka or the database is away; the events stay in the outbox and the next pass tries again.
			logger.warn("Outbox relay pass failed, will retry: {}", ex.getMessage());
		}
	}

	private int relayBatch() {
		Integer sent = this.transactions.execute(status -> {
			Boolean locked = this.jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, RELAY_LOCK);
			if (!Boolean.TRUE.equals(locked)) {
				return LOCKED_ELSEWHERE;
			}
			List<PendingEvent> batch = this.jdbc.query("""
					SELECT id, event_id, topic, record_key, type, subject, occurred_at, payload, traceparent
					FROM messaging.outbox_event WHERE sent_at IS NULL ORDER BY id LIMIT ?""",
					(rs, n) -> new PendingEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
							rs.getString(9)),
					this.properties.relayBatchSize());
			if (batch.isEmpty()) {
				return 0;
			}
			List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
			for (PendingEvent event : batch) {
				sends.add(this.kafka.send(toRecord(event)));
			}
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
			Long[] ids = batch.stream().map(PendingEvent::id).toArray(Long[]::new);
			this.jdbc.update("UPDATE messaging.outbox_event SET sent_at = ? WHERE id = ANY(?)",
					Timestamp.from(this.clock.instant()), ids);
			return batch.size();
		});
		return (sent != null) ? sent : 0;
	}

	private ProducerRecord<Object, Object> toRecord(PendingEvent event) {
		ProducerRecord<Object, Object> record = new ProducerRecord<>(event.topic(), event.key(),
				event.payload().getBytes(StandardCharsets.UTF_8));
		header(record, CloudEventHeaders.ID, event.eventId());
		header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
		header(record, CloudEventHeaders.TYPE, event.type());
		header(record, CloudEventHeaders.SOURCE, this.source);
		header(record, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
		header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
		if (event.subject() != null) {
			header(record, CloudEventHeaders.SUBJECT, event.subject());
		}
		if (event.traceparent() != null) {
			header(record, CloudEventHeaders.TRACEPARENT, event.traceparent());
		}
		return record;
	}

	private static void header(ProducerRecord<?, ?> record, String name, String value) {
		record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
	}

	/** Forgets sent events and remembered inbox ids older than the retention. */
	int purgeExpired() {
		Timestamp before = Timestamp.from(this.clock.instant().minus(this.properties.retention()));
		int outbox = this.jdbc.update("DELETE FROM messaging.outbox_event WHERE sent_at < ?", before);
		int inbox = this.jdbc.update("DELETE FROM messaging.inbox_event WHERE received_at < ?", before);
		return outbox + inbox;
	}

	@Override
	public void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "outbox-relay");
			thread.setDaemon(true);
			return thread;
		});
		this.running = true;
		long interval = this.properties.relayInterval().toMillis();
		this.executor.scheduleWithFixedDelay(this::relaySafely, 0, interval, TimeUnit.MILLISECONDS);
		this.executor.scheduleWithFixedDelay(() -> {
			try {
				purgeExpired();
			}
			catch (RuntimeException ex) {
				logger.warn("Outbox purge failed: {}", ex.getMessage());
			}
		}, 1, 60, TimeUnit.MINUTES);
	}

	@Override
	public void stop() {
		this.running = false;
		ScheduledExecutorService current = this.executor;
		if (current != null) {
			current.shutdown();
			try {
				current.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Stop after the listener containers (which stop in an earlier phase) so their last effects still go out.
		return Integer.MAX_VALUE - 100;
	}

	private record PendingEvent(long id, String eventId, String topic, String key, String type, String subject,
			Instant occurredAt, String payload, String traceparent) {
	}
}

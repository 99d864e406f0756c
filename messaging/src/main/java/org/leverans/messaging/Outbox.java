package org.leverans.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records events in the same database transaction as the state change that causes them. The {@link OutboxRelay}
 * sends them to Kafka after the commit, so a crash between the commit and the send loses nothing, and a rolled back
 * change sends nothing. Each event keeps the trace context of the work that recorded it ({@link EventTracing}).
 */
public class Outbox {

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final OutboxRelay relay;

	private final EventTracing tracing;

	Outbox(JdbcTemplate jdbc, JsonMapper json, Clock clock, OutboxRelay relay, EventTracing tracing) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.relay = relay;
		this.tracing = tracing;
	}

	/**
	 * Adds an event to the outbox within the caller's transaction.
	 * @param key the Kafka record key: the order id for order, validation, credit and shipment events, the
	 * agreement id for agreement events, so one aggregate's events stay in order
	 * @param subject the CloudEvents subject: what the event is about (an order or shipment id)
	 * @param event a payload record annotated with {@link EventContract}
	 * @return the event's CloudEvents id
	 */
	public UUID publish(Object key, Object subject, Object event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Outbox.publish must run inside the transaction of the state change");
		}
		EventContract contract = contractOf(event);
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		this.jdbc.update("""
				INSERT INTO messaging.outbox_event (event_id, topic, record_key, type, subject, occurred_at, payload,
				                                    traceparent)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", id, contract.topic(), String.valueOf(key), contract.type(),
				subject == null ? null : String.valueOf(subject), Timestamp.from(now),
				this.json.writeValueAsString(event), this.tracing.currentTraceparent());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				relay.wakeUp();
			}
		});
		return id;
	}

	private static EventContract contractOf(Object event) {
		return EventHandlers.contractOf(event.getClass());
	}
}

package org.leverans.messaging;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.leverans.messaging.WrittenOncePerTransaction.column;

/**
 * Records events in the same database transaction as the state change that causes them. The {@link OutboxRelay}
 * sends them to Kafka after the commit, so a crash between the commit and the send loses nothing, and a rolled back
 * change sends nothing. Each event keeps the trace context of the work that recorded it ({@link EventTracing}).
 * <p>
 * The events a transaction publishes are written in one statement as it commits ({@link WrittenOncePerTransaction}),
 * in the order they were published: a poll batch that accepts twenty orders, or a carrier's batch of a hundred
 * shipment events, writes its outgoing events at once.
 */
public class Outbox {

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final OutboxRelay relay;

	private final EventTracing tracing;

	private final WrittenOncePerTransaction<Recorded> recorded;

	Outbox(JdbcTemplate jdbc, JsonMapper json, Clock clock, OutboxRelay relay, EventTracing tracing) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.relay = relay;
		this.tracing = tracing;
		this.recorded = WrittenOncePerTransaction.of(this::write);
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
		this.recorded.add(new Recorded(id.toString(), contract.topic(), String.valueOf(key), contract.type(),
				(subject != null) ? String.valueOf(subject) : null, this.clock.instant().toString(),
				this.json.writeValueAsString(event), this.tracing.currentTraceparent()));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				relay.wakeUp();
			}
		});
		return id;
	}

	/** One statement for all a transaction publishes; ids follow the order of publishing, which the relay sends in. */
	private void write(List<Recorded> events) {
		this.jdbc.update("""
				INSERT INTO messaging.outbox_event (event_id, topic, record_key, type, subject, occurred_at, payload,
				                                    traceparent)
				SELECT event_id::uuid, topic, record_key, type, subject, occurred_at::timestamptz, payload, traceparent
				FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				     WITH ORDINALITY AS event(event_id, topic, record_key, type, subject, occurred_at, payload,
				                              traceparent, position)
				ORDER BY position""", column(events, Recorded::eventId), column(events, Recorded::topic),
				column(events, Recorded::recordKey), column(events, Recorded::type), column(events, Recorded::subject),
				column(events, Recorded::occurredAt), column(events, Recorded::payload),
				column(events, Recorded::traceparent));
	}


	/** An event as the outbox keeps it, every column as text: {@code occurredAt} an ISO-8601 instant. */
	private record Recorded(String eventId, String topic, String recordKey, String type, String subject,
			String occurredAt, String payload, String traceparent) {
	}

	private static EventContract contractOf(Object event) {
		return EventHandlers.contractOf(event.getClass());
	}
}

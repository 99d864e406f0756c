package org.leverans.notification.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.leverans.notification.PostgresArrays;
import org.leverans.notification.stream.StreamEvent;
import org.leverans.notification.stream.StreamEvents;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows the stream's recorded changes and plans a message for every endpoint of the change's customer that asked
 * for its kind. Like the mail planner: one instance at a time holds the cursor row, which moves in the same
 * transaction as the planned messages.
 */
@Component
class WebhookPlanner {

	private static final int BATCH = 200;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final StreamEvents streamEvents;

	private final JsonMapper json;

	private final Clock clock;

	WebhookPlanner(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, StreamEvents streamEvents,
			JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.streamEvents = streamEvents;
		this.json = json;
		this.clock = clock;
	}

	/** @return how many stream events this pass read; {@code -1} if another instance holds the cursor */
	int plan() {
		Integer read = this.transactions.execute(status -> {
			List<Long> cursor = this.jdbc.queryForList(
					"SELECT last_stream_event_id FROM webhook_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED", Long.class);
			if (cursor.isEmpty()) {
				return -1;
			}
			List<StreamEvent> events = this.streamEvents.after(cursor.getFirst(), BATCH);
			Timestamp now = Timestamp.from(this.clock.instant());
			for (StreamEvent event : events) {
				if (event.customerId() == null || event.aimed()) {
					// An aimed row is one person's live "arriving soon" at their own lead time; the customer's
					// systems get the shared one.
					continue;
				}
				// An endpoint gets what happened after it was registered, not the customer's history; a disabled
				// one gets nothing until it is enabled again; one for some sites only what concerns one of them.
				List<UUID> endpoints = this.jdbc.queryForList("""
						SELECT id FROM webhook_endpoint
						WHERE deleted_at IS NULL AND status = 'ACTIVE' AND customer_id = ? AND ? = ANY(events)
						  AND created_at <= ? AND (cardinality(site_ids) = 0 OR site_ids && ?::uuid[])""",
						UUID.class, event.customerId(), event.name(), Timestamp.from(event.createdAt()),
						PostgresArrays.literal(event.siteIds()));
				if (endpoints.isEmpty()) {
					continue;
				}
				String payload = payload(event);
				for (UUID endpoint : endpoints) {
					this.jdbc.update("""
							INSERT INTO webhook_delivery (endpoint_id, stream_event_id, message_id, payload, status,
							                              next_attempt_at, created_at)
							VALUES (?, ?, ?, ?, 'PENDING', ?, ?)
							ON CONFLICT (endpoint_id, stream_event_id) DO NOTHING""", endpoint, event.id(),
							"msg_" + event.id(), payload, now, now);
				}
			}
			if (!events.isEmpty()) {
				this.jdbc.update("UPDATE webhook_cursor SET last_stream_event_id = ? WHERE id = 1",
						events.getLast().id());
			}
			return events.size();
		});
		return (read != null) ? read : 0;
	}

	/** The Standard Webhooks payload shape: type, timestamp, data (the same data as the live stream). */
	private String payload(StreamEvent event) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("type", event.name());
		payload.put("timestamp", event.createdAt().toString());
		payload.put("data", this.json.readTree(event.data()));
		return this.json.writeValueAsString(payload);
	}
}

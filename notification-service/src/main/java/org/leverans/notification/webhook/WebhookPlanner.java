package org.leverans.notification.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.leverans.notification.PostgresArrays;
import org.leverans.notification.channel.ChangePlanner;
import org.leverans.notification.stream.StreamEvent;
import org.leverans.notification.stream.StreamEvents;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** Plans a message for every endpoint of the change's customer that asked for its kind. */
@Component
class WebhookPlanner extends ChangePlanner {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	WebhookPlanner(JdbcClient jdbc, PlatformTransactionManager transactionManager, StreamEvents changes,
			JsonMapper json, Clock clock) {
		super("webhook_cursor", jdbc, transactionManager, changes);
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	@Override
	protected void plan(StreamEvent change) {
		if (change.customerId() == null || change.aimed()) {
			// An aimed row is one person's live "arriving soon" at their own lead time; the customer's systems get
			// the shared one.
			return;
		}
		// An endpoint gets what happened after it was registered, not the customer's history; a disabled one gets
		// nothing until it is enabled again; one for some sites only what concerns one of them.
		List<UUID> endpoints = this.jdbc.sql("""
				SELECT id FROM webhook_endpoint
				WHERE deleted_at IS NULL AND status = 'ACTIVE' AND customer_id = ? AND ? = ANY(events)
				  AND created_at <= ? AND (cardinality(site_ids) = 0 OR site_ids && ?::uuid[])""")
			.params(change.customerId(), change.name(), Timestamp.from(change.createdAt()),
					PostgresArrays.literal(change.siteIds()))
			.query(UUID.class)
			.list();
		if (endpoints.isEmpty()) {
			return;
		}
		String payload = payload(change);
		Timestamp now = Timestamp.from(this.clock.instant());
		for (UUID endpoint : endpoints) {
			this.jdbc.sql("""
					INSERT INTO webhook_delivery (endpoint_id, stream_event_id, message_id, payload, status,
					                              next_attempt_at, created_at)
					VALUES (?, ?, ?, ?, 'PENDING', ?, ?)
					ON CONFLICT (endpoint_id, stream_event_id) DO NOTHING""")
				.params(endpoint, change.id(), "msg_" + change.id(), payload, now, now)
				.update();
		}
	}

	/** The Standard Webhooks payload shape: type, timestamp, data (the same data as the live stream). */
	private String payload(StreamEvent change) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("type", change.name());
		payload.put("timestamp", change.createdAt().toString());
		payload.put("data", this.json.readTree(change.data()));
		return this.json.writeValueAsString(payload);
	}
}

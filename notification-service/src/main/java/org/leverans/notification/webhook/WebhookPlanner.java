package org.leverans.notification.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.leverans.messaging.OncePerTransaction;
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

	/** Read once per pass: a pass's changes mostly belong to a few customers. */
	private final OncePerTransaction<UUID, List<WebhookEndpoint>> activeEndpointsOf;

	private final JsonMapper json;

	private final Clock clock;

	WebhookPlanner(JdbcClient jdbc, PlatformTransactionManager transactionManager, StreamEvents changes,
			WebhookEndpoints endpoints, JsonMapper json, Clock clock) {
		super("webhook_cursor", jdbc, transactionManager, changes);
		this.jdbc = jdbc;
		this.activeEndpointsOf = OncePerTransaction
			.of(customerId -> endpoints.list(customerId).stream().filter(endpoint -> !endpoint.disabled()).toList());
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
		List<WebhookEndpoint> endpoints = this.activeEndpointsOf.get(change.customerId())
			.stream()
			.filter(endpoint -> wants(endpoint, change))
			.toList();
		if (endpoints.isEmpty()) {
			return;
		}
		String payload = payload(change);
		Timestamp now = Timestamp.from(this.clock.instant());
		for (WebhookEndpoint endpoint : endpoints) {
			this.jdbc.sql("""
					INSERT INTO webhook_delivery (endpoint_id, stream_event_id, message_id, payload, status,
					                              next_attempt_at, created_at)
					VALUES (?, ?, ?, ?, 'PENDING', ?, ?)
					ON CONFLICT (endpoint_id, stream_event_id) DO NOTHING""")
				.params(endpoint.id(), change.id(), "msg_" + change.id(), payload, now, now)
				.update();
		}
	}

	/**
	 * An endpoint gets what happened after it was registered, not the customer's history; one for some sites only
	 * what concerns one of them. (A disabled one gets nothing until it is enabled again.)
	 */
	private static boolean wants(WebhookEndpoint endpoint, StreamEvent change) {
		return endpoint.events().contains(change.name()) && !endpoint.createdAt().isAfter(change.createdAt())
				&& (endpoint.siteIds().isEmpty() || endpoint.siteIds().stream().anyMatch(change.siteIds()::contains));
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

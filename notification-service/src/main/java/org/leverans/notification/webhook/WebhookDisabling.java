package org.leverans.notification.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.leverans.notification.mail.MailQueue;
import org.leverans.notification.stream.StreamEvents;
import org.leverans.notification.subscription.Subscriber;
import org.leverans.notification.subscription.Subscribers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps count of an endpoint's messages that failed for good, and disables the endpoint when
 * {@code disable-after-failures} of them failed in a row: a receiver that has not taken a message for that many
 * whole retry schedules is gone, and sending on only costs both sides. Its people are told, on the live stream
 * ({@code webhook.disabled}) and by e-mail to whoever registered it (or, when that was a system, the customer's
 * agreement managers), in the same transaction as the change.
 */
@Component
class WebhookDisabling {

	/** The stream event's name. */
	static final String EVENT = "webhook.disabled";

	/** The e-mail's template, {@code webhook-disabled.*} in {@code mail/templates*.properties}. */
	static final String MAIL_TEMPLATE = "webhook-disabled";

	private static final Logger logger = LoggerFactory.getLogger(WebhookDisabling.class);

	private final JdbcClient jdbc;

	private final WebhookSettings settings;

	private final StreamEvents streamEvents;

	private final Subscribers subscribers;

	private final MailQueue mail;

	private final JsonMapper json;

	private final Clock clock;

	WebhookDisabling(JdbcClient jdbc, WebhookSettings settings, StreamEvents streamEvents, Subscribers subscribers,
			MailQueue mail, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.streamEvents = streamEvents;
		this.subscribers = subscribers;
		this.mail = mail;
		this.json = json;
		this.clock = clock;
	}

	/** A message was delivered: the endpoint works, the count starts over. */
	@Transactional(propagation = Propagation.MANDATORY)
	void delivered(UUID endpointId) {
		this.jdbc.sql("UPDATE webhook_endpoint SET consecutive_failures = 0 WHERE id = ? AND consecutive_failures <> 0")
			.params(endpointId)
			.update();
	}

	/** A message failed for good (its whole retry schedule). */
	@Transactional(propagation = Propagation.MANDATORY)
	void failed(UUID endpointId, String lastError) {
		List<Failing> rows = this.jdbc.sql("""
				UPDATE webhook_endpoint SET consecutive_failures = consecutive_failures + 1
				WHERE id = ? AND deleted_at IS NULL
				RETURNING consecutive_failures, status, customer_id, url, created_by""")
			.params(endpointId)
			.query((rs, n) -> new Failing(rs.getInt(1), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
						rs.getString(5)))
			.list();
		if (rows.isEmpty()) {
			return;
		}
		Failing endpoint = rows.getFirst();
		if (endpoint.failures() < this.settings.disableAfterFailures()
				|| !WebhookEndpoint.ACTIVE.equals(endpoint.status())) {
			return;
		}
		Instant now = this.clock.instant();
		String reason = endpoint.failures() + " messages in a row could not be delivered; the last: " + lastError;
		this.jdbc.sql("""
				UPDATE webhook_endpoint SET status = 'DISABLED', disabled_at = ?, disabled_reason = ?
				WHERE id = ? AND status = 'ACTIVE'""")
			.params(Timestamp.from(now), reason, endpointId)
			.update();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("webhookId", endpointId.toString());
		data.put("url", endpoint.url());
		data.put("status", WebhookEndpoint.DISABLED);
		data.put("consecutiveFailures", endpoint.failures());
		data.put("reason", reason);
		data.put("disabledAt", now.toString());
		String json = this.json.writeValueAsString(data);
		long eventId = this.streamEvents.append(EVENT, endpoint.customerId(), Set.of(), null, null,
				"webhook-disabled:" + endpointId + ":" + now.toEpochMilli(), json, now);
		List<Subscriber> recipients = this.subscribers.withEmail(endpoint.createdBy())
			.map(List::of)
			.orElseGet(() -> this.subscribers.agreementManagersWithEmail(endpoint.customerId()));
		for (Subscriber recipient : recipients) {
			this.mail.add(eventId, recipient, MAIL_TEMPLATE, json);
		}
		logger.warn("Disabled webhook endpoint {} ({}) after {} failed messages in a row; told {} people", endpointId,
				endpoint.url(), endpoint.failures(), recipients.size());
	}

	private record Failing(int failures, String status, UUID customerId, String url, String createdBy) {
	}
}

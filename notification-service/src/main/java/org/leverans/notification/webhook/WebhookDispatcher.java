package org.leverans.notification.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends planned webhook messages. A due message is leased (its next attempt moved past the send timeout) in a
 * short transaction, so no database connection waits on a slow receiver and an instance that dies mid-send only
 * delays the message. Receivers may therefore get a message twice; the {@code webhook-id} tells them.
 */
@Component
class WebhookDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(WebhookDispatcher.class);

	private static final int BATCH = 20;

	private final JdbcTemplate jdbc;

	private final WebhookSettings settings;

	private final Clock clock;

	private final HttpClient http;

	WebhookDispatcher(JdbcTemplate jdbc, WebhookSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** @return how many messages this pass tried */
	int sendDue() {
		Instant now = this.clock.instant();
		Instant leaseEnds = now.plus(this.settings.timeout().multipliedBy(2));
		// UPDATE … RETURNING over a SKIP LOCKED pick commits the lease at once (auto-commit).
		List<Message> due = this.jdbc.query("""
				UPDATE webhook_delivery d SET next_attempt_at = ?
				FROM webhook_endpoint e
				WHERE d.id IN (SELECT id FROM webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= ?
				               ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
				  AND e.id = d.endpoint_id
				RETURNING d.id, d.message_id, d.payload, d.attempts, e.url, e.secret""",
				(rs, n) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
						rs.getString(6)),
				Timestamp.from(leaseEnds), Timestamp.from(now), BATCH);
		for (Message message : due) {
			send(message);
		}
		return due.size();
	}

	private void send(Message message) {
		Instant now = this.clock.instant();
		long timestamp = now.getEpochSecond();
		Integer statusCode = null;
		String error;
		URI target = URI.create(message.url());
		if (!new WebhookTargets(this.settings.allowHttp()).mayConnect(target)) {
			failed(message, null, "refused: " + target.getHost() + " resolves to an address webhooks may not reach");
			return;
		}
		try {
			HttpRequest request = HttpRequest.newBuilder(target)
				.timeout(this.settings.timeout())
				.header("Content-Type", "application/json")
				.header("User-Agent", "Leverans-Webhooks/1")
				.header("webhook-id", message.messageId())
				.header("webhook-timestamp", Long.toString(timestamp))
				.header("webhook-signature",
						WebhookSignature.sign(message.secret(), message.messageId(), timestamp, message.payload()))
				.POST(HttpRequest.BodyPublishers.ofString(message.payload()))
				.build();
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			statusCode = response.statusCode();
			if (statusCode >= 200 && statusCode < 300) {
				this.jdbc.update("""
						UPDATE webhook_delivery SET status = 'DELIVERED', attempts = attempts + 1, delivered_at = ?,
						       last_status_code = ?, last_error = NULL
						WHERE id = ?""", Timestamp.from(this.clock.instant()), statusCode, message.id());
				return;
			}
			error = "HTTP " + statusCode;
		}
		catch (IOException | RuntimeException ex) {
			error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		failed(message, statusCode, error);
	}

	private void failed(Message message, Integer statusCode, String error) {
		int attempts = message.attempts() + 1;
		boolean giveUp = attempts >= this.settings.maxAttempts();
		Duration wait = this.settings.retryInterval().multipliedBy(1L << Math.min(attempts - 1, 16));
		this.jdbc.update("""
				UPDATE webhook_delivery SET status = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?,
				       last_error = ?
				WHERE id = ?""", giveUp ? "FAILED" : "PENDING", attempts,
				Timestamp.from(this.clock.instant().plus(wait)), statusCode, error, message.id());
		if (giveUp) {
			logger.error("Giving up webhook message {} to {} after {} attempts: {}", message.messageId(),
					message.url(), attempts, error);
		}
		else {
			logger.warn("Webhook message {} to {} failed (attempt {}), retrying in {}: {}", message.messageId(),
					message.url(), attempts, wait, error);
		}
	}

	private record Message(long id, String messageId, String payload, int attempts, String url, String secret) {
	}
}

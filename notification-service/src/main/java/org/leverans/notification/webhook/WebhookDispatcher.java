package org.leverans.notification.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends planned webhook messages. A due message is leased (its next attempt moved past the send timeout) in a
 * short transaction, so no database connection waits on a slow receiver and an instance that dies mid-send only
 * delays the message. Receivers may therefore get a message twice; the {@code webhook-id} tells them. Each try is
 * recorded with what the receiver answered; when to try again is {@link WebhookRetryPolicy}'s call.
 */
@Component
class WebhookDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(WebhookDispatcher.class);

	private static final int BATCH = 20;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final WebhookSettings settings;

	private final WebhookRetryPolicy policy;

	private final WebhookDisabling disabling;

	private final Clock clock;

	private final HttpClient http;

	WebhookDispatcher(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, WebhookSettings settings,
			WebhookDisabling disabling, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.settings = settings;
		this.policy = settings.retryPolicy();
		this.disabling = disabling;
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
		// UPDATE … RETURNING over a SKIP LOCKED pick commits the lease at once (auto-commit). Messages of a disabled
		// endpoint wait, still PENDING, until it is enabled again.
		List<Message> due = this.jdbc.query("""
				UPDATE webhook_delivery d SET next_attempt_at = ?
				FROM webhook_endpoint e
				WHERE d.id IN (SELECT pd.id FROM webhook_delivery pd JOIN webhook_endpoint pe ON pe.id = pd.endpoint_id
				               WHERE pd.status = 'PENDING' AND pd.next_attempt_at <= ?
				                 AND pe.status = 'ACTIVE' AND pe.deleted_at IS NULL
				               ORDER BY pd.id LIMIT ? FOR UPDATE OF pd SKIP LOCKED)
				  AND e.id = d.endpoint_id
				RETURNING d.id, d.message_id, d.payload, d.attempts, d.redelivery_requested_at IS NOT NULL, e.id,
				          e.url, e.secret, e.previous_secret, e.previous_secret_expires_at""",
				(rs, n) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5),
						rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8), rs.getString(9),
						(rs.getTimestamp(10) != null) ? rs.getTimestamp(10).toInstant() : null),
				Timestamp.from(leaseEnds), Timestamp.from(now), BATCH);
		for (Message message : due) {
			send(message);
		}
		return due.size();
	}

	private void send(Message message) {
		Instant start = this.clock.instant();
		URI target = URI.create(message.url());
		if (!new WebhookTargets(this.settings.allowHttp()).mayConnect(target)) {
			record(message, start, new Outcome(null, null, "refused: " + target.getHost()
					+ " resolves to an address webhooks may not reach", Optional.empty()));
			return;
		}
		long timestamp = start.getEpochSecond();
		Outcome outcome;
		try {
			HttpRequest request = HttpRequest.newBuilder(target)
				.timeout(this.settings.timeout())
				.header("Content-Type", "application/json")
				.header("User-Agent", "Leverans-Webhooks/1")
				.header("webhook-id", message.messageId())
				.header("webhook-timestamp", Long.toString(timestamp))
				.header("webhook-signature", signatures(message, timestamp, start))
				.POST(HttpRequest.BodyPublishers.ofString(message.payload()))
				.build();
			HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			outcome = new Outcome(response.statusCode(), excerpt(response.body()), null, WebhookRetryPolicy
				.retryAfter(response.headers().firstValue("Retry-After").orElse(null), this.clock.instant()));
		}
		catch (IOException | RuntimeException ex) {
			outcome = new Outcome(null, null, ex.getClass().getSimpleName() + ": " + ex.getMessage(),
					Optional.empty());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			outcome = new Outcome(null, null, "interrupted", Optional.empty());
		}
		record(message, start, outcome);
	}

	/**
	 * The signature with the current secret and, during a rotation's overlap, also with the previous one: a
	 * space-separated list, as Standard Webhooks has receivers accept any entry that matches.
	 */
	private static String signatures(Message message, long timestamp, Instant now) {
		String current = WebhookSignature.sign(message.secret(), message.messageId(), timestamp, message.payload());
		if (message.previousSecret() == null || message.previousSecretExpiresAt() == null
				|| !now.isBefore(message.previousSecretExpiresAt())) {
			return current;
		}
		return current + " "
				+ WebhookSignature.sign(message.previousSecret(), message.messageId(), timestamp, message.payload());
	}

	/** The start of the answer, read no further than the log keeps: a receiver may answer with anything. */
	private String excerpt(InputStream body) throws IOException {
		try (body) {
			// UTF-8 takes at most 4 bytes a character
			byte[] start = body.readNBytes(this.settings.responseExcerpt() * 4);
			return bounded(new String(start, StandardCharsets.UTF_8));
		}
	}

	private String bounded(String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		int limit = this.settings.responseExcerpt();
		return (text.length() <= limit) ? text : text.substring(0, limit) + "…";
	}

	private void record(Message message, Instant start, Outcome outcome) {
		Instant end = this.clock.instant();
		int attempts = message.attempts() + 1;
		boolean success = outcome.statusCode() != null && outcome.statusCode() >= 200 && outcome.statusCode() < 300;
		String error = (outcome.error() != null) ? bounded(outcome.error())
				: success ? null : "HTTP " + outcome.statusCode();
		this.transactions.executeWithoutResult(status -> {
			this.jdbc.update("""
					INSERT INTO webhook_attempt (delivery_id, attempted_at, duration_ms, status_code, response_excerpt,
					                             error, manual)
					VALUES (?, ?, ?, ?, ?, ?, ?)""", message.id(), Timestamp.from(start),
					(int) Math.min(Duration.between(start, end).toMillis(), Integer.MAX_VALUE), outcome.statusCode(),
					outcome.excerpt(), (outcome.error() != null) ? error : null, message.redelivery());
			if (success) {
				this.jdbc.update("""
						UPDATE webhook_delivery SET status = 'DELIVERED', attempts = ?, delivered_at = ?,
						       last_status_code = ?, last_error = NULL, redelivery_requested_at = NULL
						WHERE id = ?""", attempts, Timestamp.from(end), outcome.statusCode(), message.id());
				this.disabling.delivered(message.endpointId());
				return;
			}
			if (message.redelivery()) {
				// A person's extra try: it does not start the retry schedule again, and the message keeps the
				// outcome it had (a message once delivered stays DELIVERED in the log, with this try beside it).
				this.jdbc.update("""
						UPDATE webhook_delivery
						SET status = CASE WHEN delivered_at IS NULL THEN 'FAILED' ELSE 'DELIVERED' END, attempts = ?,
						    last_status_code = ?, last_error = ?, redelivery_requested_at = NULL
						WHERE id = ?""", attempts, outcome.statusCode(), error, message.id());
				return;
			}
			Optional<Duration> wait = this.policy.nextWait(attempts, outcome.statusCode(), outcome.retryAfter(),
					ThreadLocalRandom.current().nextDouble());
			this.jdbc.update("""
					UPDATE webhook_delivery SET status = ?, attempts = ?, next_attempt_at = ?, last_status_code = ?,
					       last_error = ?
					WHERE id = ?""", wait.isPresent() ? "PENDING" : "FAILED", attempts,
					Timestamp.from(end.plus(wait.orElse(Duration.ZERO))), outcome.statusCode(), error, message.id());
			if (wait.isPresent()) {
				logger.warn("Webhook message {} to {} failed (attempt {}), retrying in {}: {}", message.messageId(),
						message.url(), attempts, wait.get(), error);
			}
			else {
				logger.error("Giving up webhook message {} to {} after {} attempts: {}", message.messageId(),
						message.url(), attempts, error);
				this.disabling.failed(message.endpointId(), error);
			}
		});
	}

	private record Message(long id, String messageId, String payload, int attempts, boolean redelivery,
			UUID endpointId, String url, String secret, String previousSecret, Instant previousSecretExpiresAt) {
	}

	private record Outcome(Integer statusCode, String excerpt, String error, Optional<Duration> retryAfter) {
	}
}

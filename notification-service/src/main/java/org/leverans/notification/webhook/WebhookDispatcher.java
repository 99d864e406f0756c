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
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.leverans.notification.channel.Attempt;
import org.leverans.notification.channel.Dispatcher;
import org.leverans.notification.channel.RetryPolicy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Sends planned webhook messages, signed, by the channels' one lease and retry rule ({@link Dispatcher}). Messages
 * of a disabled endpoint wait, still PENDING, until it is enabled again. Each try is kept with what the receiver
 * answered ({@code webhook_attempt}), and every message that ends delivered or FAILED counts towards disabling the
 * endpoint ({@link WebhookDisabling}). The tries are counted by outcome ({@code leverans.webhook.attempts}) and the
 * messages given up on ({@code leverans.webhook.messages.failed}), so failing receivers show before they are
 * disabled.
 */
@Component
class WebhookDispatcher extends Dispatcher<WebhookDispatcher.Message> {

	private final JdbcClient jdbc;

	private final WebhookSettings settings;

	private final WebhookDisabling disabling;

	private final HttpClient http;

	private final Counter delivered;

	private final Counter failed;

	private final Counter givenUp;

	WebhookDispatcher(JdbcClient jdbc, PlatformTransactionManager transactionManager, WebhookSettings settings,
			WebhookDisabling disabling, Clock clock, MeterRegistry meters) {
		super("webhook_delivery",
				"endpoint_id IN (SELECT id FROM webhook_endpoint WHERE status = 'ACTIVE' AND deleted_at IS NULL)",
				settings.timeout(), 1, settings.retryPolicy(), jdbc, transactionManager, clock);
		this.jdbc = jdbc;
		this.settings = settings;
		this.disabling = disabling;
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.delivered = attempts(meters, "delivered");
		this.failed = attempts(meters, "failed");
		this.givenUp = Counter.builder("leverans.webhook.messages.failed")
			.description("Webhook messages given up on after their last retry")
			.register(meters);
	}

	private static Counter attempts(MeterRegistry meters, String outcome) {
		return Counter.builder("leverans.webhook.attempts")
			.description("Tries at sending a webhook message, by whether the receiver took it")
			.tag("outcome", outcome)
			.register(meters);
	}

	@Override
	protected Optional<Message> load(long id) {
		return this.jdbc.sql("""
				SELECT d.message_id, d.payload, e.id, e.url, e.secret, e.previous_secret, e.previous_secret_expires_at
				FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
				WHERE d.id = ?""")
			.params(id)
			.query((rs, n) -> new Message(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getString(4), rs.getString(5), rs.getString(6),
					(rs.getTimestamp(7) != null) ? rs.getTimestamp(7).toInstant() : null))
			.optional();
	}

	@Override
	protected Attempt send(Message message) {
		Instant start = now();
		URI target = URI.create(message.url());
		if (!new WebhookTargets(this.settings.allowHttp()).mayConnect(target)) {
			return Attempt.unanswered(start, now(),
					"refused: " + target.getHost() + " resolves to an address webhooks may not reach");
		}
		long timestamp = start.getEpochSecond();
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
			String excerpt = excerpt(response.body());
			Instant end = now();
			return Attempt.answered(start, end, response.statusCode(), excerpt,
					RetryPolicy.retryAfter(response.headers().firstValue("Retry-After").orElse(null), end));
		}
		catch (IOException | RuntimeException ex) {
			return Attempt.unanswered(start, now(), bounded(ex.getClass().getSimpleName() + ": " + ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Attempt.unanswered(start, now(), "interrupted");
		}
	}

	@Override
	protected String describe(Message message) {
		return "webhook message " + message.messageId() + " to " + message.url();
	}

	/** Every try in the delivery log; a message that ended counts for or against its endpoint. */
	@Override
	protected void recorded(Leased leased, Message message, Attempt attempt, Outcome outcome) {
		this.jdbc.sql("""
				INSERT INTO webhook_attempt (delivery_id, attempted_at, duration_ms, status_code, response_excerpt,
				                             error, manual)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(leased.id(), Timestamp.from(attempt.startedAt()),
					(int) Math.min(attempt.duration().toMillis(), Integer.MAX_VALUE), attempt.statusCode(),
					attempt.response(), attempt.error(), leased.redelivery())
			.update();
		(attempt.delivered() ? this.delivered : this.failed).increment();
		if (outcome.status() == Status.DELIVERED) {
			this.disabling.delivered(message.endpointId());
		}
		else if (outcome.status() == Status.FAILED) {
			this.disabling.failed(message.endpointId(), attempt.failure());
			this.givenUp.increment();
		}
	}

	/** The tries go with their messages. */
	@Override
	public void forgetFinishedBefore(Instant before) {
		this.jdbc.sql("""
				DELETE FROM webhook_attempt WHERE delivery_id IN (
				    SELECT id FROM webhook_delivery WHERE status <> 'PENDING' AND created_at < ?)""")
			.params(Timestamp.from(before))
			.update();
		super.forgetFinishedBefore(before);
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

	record Message(String messageId, String payload, UUID endpointId, String url, String secret,
			String previousSecret, Instant previousSecretExpiresAt) {
	}
}

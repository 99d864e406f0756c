package org.leverans.notification.webhook;

import java.time.Duration;
import java.util.List;

import org.leverans.notification.channel.RetryPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of signed webhooks, under {@code leverans.webhooks}.
 *
 * @param checkInterval how often an instance plans new messages and sends the due ones
 * @param timeout how long one delivery attempt may take
 * @param retrySchedule the wait before each retry of a failed message; a message is tried once more than it has
 * waits, then marked FAILED. The default adds up to 27.5 hours, so a receiver can be away for a whole day.
 * @param jitter each wait is stretched by a random part of up to this fraction of it, so a receiver coming back is
 * not hit by every message at the same second
 * @param maxRetryAfter the longest {@code Retry-After} (on 429 and 503) that is honoured as asked; longer ones are
 * cut to it
 * @param disableAfterFailures how many messages in a row must end FAILED (no delivery in between) before the
 * endpoint is disabled
 * @param secretOverlap how long the previous secret still signs messages after a rotation, unless the rotation
 * names its own overlap
 * @param maxSecretOverlap the longest overlap a rotation may ask for
 * @param responseExcerpt how many characters of a receiver's answer (or of an error) the delivery log keeps per try
 * @param allowHttp whether plain-http endpoint URLs to localhost are accepted (local development); otherwise https
 * only
 */
@ConfigurationProperties("leverans.webhooks")
public record WebhookSettings(@DefaultValue("2s") Duration checkInterval, @DefaultValue("10s") Duration timeout,
		@DefaultValue({ "5s", "5m", "30m", "2h", "5h", "10h", "10h" }) List<Duration> retrySchedule,
		@DefaultValue("0.2") double jitter, @DefaultValue("1h") Duration maxRetryAfter,
		@DefaultValue("3") int disableAfterFailures, @DefaultValue("24h") Duration secretOverlap,
		@DefaultValue("7d") Duration maxSecretOverlap, @DefaultValue("500") int responseExcerpt,
		@DefaultValue("true") boolean allowHttp) {

	public WebhookSettings {
		retrySchedule = List.copyOf(retrySchedule);
	}

	RetryPolicy retryPolicy() {
		return new RetryPolicy(this.retrySchedule, this.jitter, this.maxRetryAfter);
	}
}

package org.leverans.notification.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of signed webhooks, under {@code leverans.webhooks}.
 *
 * @param checkInterval how often an instance plans new messages and sends the due ones
 * @param timeout how long one delivery attempt may take
 * @param maxAttempts how many times a message is tried before it is marked FAILED
 * @param retryInterval the first wait after a failed attempt; it doubles with each attempt
 * @param allowHttp whether plain-http endpoint URLs to localhost are accepted (local development); otherwise https
 * only
 */
@ConfigurationProperties("leverans.webhooks")
public record WebhookSettings(@DefaultValue("2s") Duration checkInterval, @DefaultValue("10s") Duration timeout,
		@DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration retryInterval,
		@DefaultValue("true") boolean allowHttp) {
}

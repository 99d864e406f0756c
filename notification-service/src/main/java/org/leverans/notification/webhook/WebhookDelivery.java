package org.leverans.notification.webhook;

import java.time.Instant;
import java.util.List;

/**
 * One message to one endpoint, as the delivery log shows it.
 *
 * @param messageId the {@code webhook-id} header, the same on every try
 * @param nextAttemptAt when it is tried next; only while {@code PENDING}
 * @param deliveredAt when a try last succeeded
 * @param redeliveryRequestedAt when a person last asked for it again, while that try is pending
 * @param attemptLog every try, oldest first
 */
record WebhookDelivery(long id, String messageId, String eventType, String status, int attempts, Instant createdAt,
		Instant nextAttemptAt, Instant deliveredAt, Integer lastStatusCode, Instant redeliveryRequestedAt,
		List<Attempt> attemptLog) {

	WebhookDelivery withAttempts(List<Attempt> log) {
		return new WebhookDelivery(this.id, this.messageId, this.eventType, this.status, this.attempts,
				this.createdAt, this.nextAttemptAt, this.deliveredAt, this.lastStatusCode, this.redeliveryRequestedAt,
				List.copyOf(log));
	}

	/**
	 * One try.
	 *
	 * @param statusCode the receiver's HTTP status; {@code null} when it did not answer
	 * @param response the start of the receiver's answer, bounded
	 * @param error why there was no answer (connection refused, timeout, refused address)
	 * @param manual whether a person asked for this try
	 */
	record Attempt(Instant at, int durationMs, Integer statusCode, String response, String error, boolean manual) {
	}
}

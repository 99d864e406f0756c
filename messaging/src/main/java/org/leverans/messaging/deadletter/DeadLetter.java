package org.leverans.messaging.deadletter;

import java.time.Instant;

/**
 * A record a consumer gave up on, and what became of it.
 *
 * @param id this service's number for it
 * @param consumerGroup the consumer group that could not apply it
 * @param topic where it came from; a replay sends it there again
 * @param eventId its CloudEvents {@code ce_id}, when it had one
 * @param reason why the consumer gave up: the failure's type and message
 * @param payload the record's value as text, when it is UTF-8 (shortened if long)
 */
public record DeadLetter(long id, String consumerGroup, String topic, int partition, long offset, String key,
		String eventId, String eventType, String reason, Instant failedAt, DeadLetterStatus status, String decidedBy,
		Instant decidedAt, String note, String payload) {
}

package org.leverans.messaging;

import java.time.Instant;

/** The CloudEvents attributes of a received event, and where in Kafka it came from. */
public record EventMetadata(String id, String type, String source, String subject, Instant time, String topic,
		String key, int partition, long offset) {
}

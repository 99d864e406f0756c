package org.leverans.notification.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A registered endpoint, as its owners see it (never with its secret). */
record WebhookEndpoint(UUID id, UUID customerId, String url, List<String> events, String description,
		String createdBy, Instant createdAt) {
}

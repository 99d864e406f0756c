package org.leverans.notification.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered endpoint, as its owners see it (never with its secret).
 *
 * @param siteIds the sites whose changes it receives; empty for all of the customer's
 * @param status {@code ACTIVE}, or {@code DISABLED} after persistent failure until someone enables it again
 * @param previousSecretExpiresAt until when messages are also signed with the secret before the last rotation
 */
record WebhookEndpoint(UUID id, UUID customerId, String url, List<String> events, List<UUID> siteIds,
		String description, String createdBy, Instant createdAt, String status, int consecutiveFailures,
		Instant disabledAt, String disabledReason, Instant secretRotatedAt, Instant previousSecretExpiresAt) {

	static final String ACTIVE = "ACTIVE";

	static final String DISABLED = "DISABLED";

	/** A new endpoint, active and never rotated. */
	static WebhookEndpoint registered(UUID id, UUID customerId, String url, List<String> events, List<UUID> siteIds,
			String description, String createdBy, Instant createdAt) {
		return new WebhookEndpoint(id, customerId, url, events, siteIds, description, createdBy, createdAt, ACTIVE, 0,
				null, null, null, null);
	}

	boolean disabled() {
		return DISABLED.equals(this.status);
	}
}

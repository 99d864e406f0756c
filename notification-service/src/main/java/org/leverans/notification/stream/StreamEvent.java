package org.leverans.notification.stream;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One recorded change as the stream sends it: {@code id} is the SSE id, {@code name} the SSE event name and
 * {@code data} the JSON line. {@code customerId}, {@code siteIds} and {@code orderId} decide who may see it;
 * {@code recipient}, when set, narrows that to the one person it is aimed at (their own "arriving soon").
 */
public record StreamEvent(long id, String name, UUID customerId, Set<UUID> siteIds, String data, Instant createdAt,
		UUID orderId, String recipient) {

	public StreamEvent {
		siteIds = Set.copyOf(siteIds);
	}

	/** A change for everyone who may see it. */
	public StreamEvent(long id, String name, UUID customerId, Set<UUID> siteIds, String data, Instant createdAt,
			UUID orderId) {
		this(id, name, customerId, siteIds, data, createdAt, orderId, null);
	}

	/** A change that concerns no particular order. */
	public StreamEvent(long id, String name, UUID customerId, Set<UUID> siteIds, String data, Instant createdAt) {
		this(id, name, customerId, siteIds, data, createdAt, null, null);
	}

	/** Whether it is aimed at one person rather than everyone who may see it. */
	public boolean aimed() {
		return this.recipient != null;
	}
}

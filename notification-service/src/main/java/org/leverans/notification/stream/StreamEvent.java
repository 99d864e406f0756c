package org.leverans.notification.stream;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One recorded change as the stream sends it: {@code id} is the SSE id, {@code name} the SSE event name and
 * {@code data} the JSON line. {@code customerId} and {@code siteIds} decide who may see it.
 */
public record StreamEvent(long id, String name, UUID customerId, Set<UUID> siteIds, String data, Instant createdAt) {

	public StreamEvent {
		siteIds = Set.copyOf(siteIds);
	}
}

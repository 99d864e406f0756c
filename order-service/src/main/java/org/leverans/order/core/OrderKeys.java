package org.leverans.order.core;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.leverans.messaging.EventMetadata;

/**
 * The orders a poll batch is about, read from its records' keys: every topic this service consumes is keyed by the
 * order's id, which is what lets a batch's orders be locked in one statement before its events are applied. A record
 * keyed otherwise is left out, to lock its order (and fail, if it names none) as its event comes.
 */
public final class OrderKeys {

	private OrderKeys() {
	}

	public static Set<UUID> of(List<EventMetadata> events) {
		Set<UUID> orderIds = new LinkedHashSet<>();
		for (EventMetadata event : events) {
			if (event.key() == null) {
				continue;
			}
			try {
				orderIds.add(UUID.fromString(event.key()));
			}
			catch (IllegalArgumentException ex) {
				// Not an order's id: see above.
			}
		}
		return orderIds;
	}
}

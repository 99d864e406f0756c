package org.leverans.notification.stream;

import java.util.Set;
import java.util.UUID;

/** An order's sites as {@link KnownOrders} has them for a stream row: asked for, and read with the others asked. */
final class OrderSites {

	private final UUID orderId;

	private Set<UUID> value;

	OrderSites(UUID orderId) {
		this.orderId = orderId;
	}

	UUID orderId() {
		return this.orderId;
	}

	boolean isRead() {
		return this.value != null;
	}

	void read(Set<UUID> value) {
		this.value = value;
	}

	Set<UUID> value() {
		if (this.value == null) {
			throw new IllegalStateException("The sites of order " + this.orderId + " were not read");
		}
		return this.value;
	}
}

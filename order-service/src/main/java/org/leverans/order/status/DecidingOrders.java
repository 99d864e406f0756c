package org.leverans.order.status;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.leverans.contracts.Reason;
import org.leverans.messaging.EventMetadata;
import org.leverans.messaging.OncePerTransaction;
import org.leverans.order.core.OrderKeys;
import org.leverans.order.core.OrderProgress;
import org.leverans.order.core.Orders;
import org.leverans.order.core.StoredOrder;

import org.springframework.stereotype.Component;

/**
 * The orders a transaction decides about, each locked once: agreement-service's and credit-service's decisions about
 * an order come within milliseconds of each other, so a poll batch often holds both. The lock holds until the
 * transaction ends, so the order changes only where this transaction stores it, and each change of its progress
 * comes back as the order now stands ({@link Orders#storeProgress}).
 */
@Component
class DecidingOrders {

	private final Orders orders;

	private final OncePerTransaction<UUID, Optional<StoredOrder>> locked;

	DecidingOrders(Orders orders) {
		this.orders = orders;
		this.locked = OncePerTransaction.of(orders::lock);
	}

	/** Locks the orders the batch's decisions are about in one statement; {@link #lock} then finds them locked. */
	void lockAll(List<EventMetadata> events) {
		Set<UUID> orderIds = OrderKeys.of(events);
		if (orderIds.isEmpty()) {
			return;
		}
		this.locked.getAll(orderIds, unlocked -> {
			Map<UUID, StoredOrder> found = this.orders.lockAll(unlocked);
			Map<UUID, Optional<StoredOrder>> locked = new HashMap<>();
			unlocked.forEach(id -> locked.put(id, Optional.ofNullable(found.get(id))));
			return locked;
		});
	}

	StoredOrder lock(UUID orderId) {
		return this.locked.get(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
	}

	/** @return the order as stored now, which the transaction's next decision about it starts from */
	StoredOrder storeProgress(UUID orderId, OrderProgress progress, List<Reason> statusReasons, Instant at) {
		StoredOrder order = this.orders.storeProgress(orderId, progress, statusReasons, at);
		this.locked.put(orderId, Optional.of(order));
		return order;
	}
}

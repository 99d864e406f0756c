package org.leverans.order.shipments;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.leverans.messaging.OncePerTransaction;
import org.leverans.order.core.OrderInDelivery;
import org.leverans.order.core.OrderStatus;
import org.leverans.order.core.Orders;
import org.leverans.order.status.UnknownOrderException;

import org.springframework.stereotype.Component;

/**
 * The orders a transaction follows the delivery of, each locked once: a carrier's batch brings several events for
 * the same order, and the lock holds until the transaction ends, so what it read changes only where this class
 * stores it, and is kept as stored.
 */
@Component
class LockedOrders {

	private final Orders orders;

	private final OncePerTransaction<UUID, Optional<OrderInDelivery>> locked;

	LockedOrders(Orders orders) {
		this.orders = orders;
		this.locked = OncePerTransaction.of(orders::lockForDelivery);
	}

	/** Locks those of the orders not locked yet in one statement; {@link #lock} then finds them locked. */
	void lockAll(Collection<UUID> orderIds) {
		this.locked.getAll(orderIds, unlocked -> {
			Map<UUID, OrderInDelivery> found = this.orders.lockAllForDelivery(unlocked);
			Map<UUID, Optional<OrderInDelivery>> locked = new HashMap<>();
			unlocked.forEach(id -> locked.put(id, Optional.ofNullable(found.get(id))));
			return locked;
		});
	}

	OrderInDelivery lock(UUID orderId) {
		return this.locked.get(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
	}

	/** @return the order as it is now */
	OrderInDelivery storeStatus(OrderInDelivery order, OrderStatus status, Instant at) {
		this.orders.storeStatus(order.id(), status, List.of(), at);
		return remember(new OrderInDelivery(order.id(), status, order.shipmentsInOrder()));
	}

	/**
	 * @return the order as it is now: its shipment count never goes down, whatever order the events came in, so a
	 * count it already has (the batch's other shipments of the order say the same) needs no statement
	 */
	OrderInDelivery storeShipmentsInOrder(OrderInDelivery order, int shipmentsInOrder) {
		// 0 may still be NULL in the table, which the update would make 0: only a count stored for sure is skipped.
		if (order.shipmentsInOrder() > 0 && shipmentsInOrder <= order.shipmentsInOrder()) {
			return order;
		}
		int inOrder = this.orders.storeShipmentsInOrder(order.id(), shipmentsInOrder);
		return remember(new OrderInDelivery(order.id(), order.status(), inOrder));
	}

	private OrderInDelivery remember(OrderInDelivery order) {
		this.locked.put(order.id(), Optional.of(order));
		return order;
	}
}

package org.leverans.order.core;

import java.util.Optional;

/**
 * How far an accepted order's shipments have come.
 *
 * @param shipmentsInOrder how many shipments the order's plan has (0 while unknown)
 * @param anyPickedUp whether any shipment has been picked up (or got further)
 * @param delivered how many distinct shipments are delivered
 */
public record DeliveryProgress(int shipmentsInOrder, boolean anyPickedUp, int delivered) {

	/**
	 * The order's next status, if the shipments move it forward: IN_DELIVERY at the first pick-up,
	 * PARTIALLY_DELIVERED when some but not all shipments are delivered, DELIVERED when all are. Late or
	 * out-of-order shipment news never moves an order backwards.
	 */
	public Optional<OrderStatus> next(OrderStatus current) {
		if (!current.followsShipments()) {
			return Optional.empty();
		}
		OrderStatus target;
		if (this.delivered > 0 && this.shipmentsInOrder > 0 && this.delivered >= this.shipmentsInOrder) {
			target = OrderStatus.DELIVERED;
		}
		else if (this.delivered > 0) {
			target = OrderStatus.PARTIALLY_DELIVERED;
		}
		else if (this.anyPickedUp) {
			target = OrderStatus.IN_DELIVERY;
		}
		else {
			target = current;
		}
		return (target.deliveryRank() > current.deliveryRank()) ? Optional.of(target) : Optional.empty();
	}
}

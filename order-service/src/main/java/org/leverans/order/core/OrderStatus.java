package org.leverans.order.core;

/** Where an order is in the flow (docs/flow.md). */
public enum OrderStatus {

	PLACED, AWAITING_APPROVAL, VALIDATED, ACCEPTED, REJECTED, ON_HOLD, IN_DELIVERY, PARTIALLY_DELIVERED, DELIVERED, CANCELLED;

	/**
	 * An order may be cancelled until its first shipment is picked up: before or during the decisions (waiting for
	 * approval too), and once accepted while every shipment is still only planned.
	 */
	public boolean mayCancel(boolean anyShipmentPickedUp) {
		return switch (this) {
			case PLACED, AWAITING_APPROVAL, VALIDATED, ON_HOLD -> true;
			case ACCEPTED -> !anyShipmentPickedUp;
			default -> false;
		};
	}

	/** Whether shipments drive this order's status: it is accepted and not yet fully delivered. */
	boolean followsShipments() {
		return this == ACCEPTED || this == IN_DELIVERY || this == PARTIALLY_DELIVERED;
	}

	/** Position on the way from acceptance to delivery; the order never moves backwards on it. */
	int deliveryRank() {
		return switch (this) {
			case ACCEPTED -> 0;
			case IN_DELIVERY -> 1;
			case PARTIALLY_DELIVERED -> 2;
			case DELIVERED -> 3;
			default -> -1;
		};
	}
}

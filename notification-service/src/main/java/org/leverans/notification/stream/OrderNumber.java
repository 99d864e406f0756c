package org.leverans.notification.stream;

import java.util.UUID;

/** An order's number as {@link KnownOrders} has it for a transaction: known, or asked for and not read yet. */
final class OrderNumber {

	private final UUID orderId;

	private String value;

	private boolean read;

	OrderNumber(UUID orderId) {
		this.orderId = orderId;
	}

	static OrderNumber known(UUID orderId, String value) {
		OrderNumber number = new OrderNumber(orderId);
		number.read(value);
		return number;
	}

	UUID orderId() {
		return this.orderId;
	}

	boolean isRead() {
		return this.read;
	}

	/** @param value null when the order has no number (or is not known at all) */
	void read(String value) {
		this.value = value;
		this.read = true;
	}

	String value() {
		if (!this.read) {
			throw new IllegalStateException("The number of order " + this.orderId + " was not read");
		}
		return this.value;
	}
}

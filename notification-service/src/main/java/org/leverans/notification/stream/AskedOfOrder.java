package org.leverans.notification.stream;

import java.util.UUID;

/**
 * Something of an order as {@link KnownOrders} has it for a transaction (its number, its sites): known, or asked for
 * and not read yet, to be read with everything else asked for in one statement when the first of it is needed.
 *
 * @param <V> what is asked for; null may be a value read (an order without a number)
 */
final class AskedOfOrder<V> {

	private final UUID orderId;

	private V value;

	private boolean read;

	AskedOfOrder(UUID orderId) {
		this.orderId = orderId;
	}

	static <V> AskedOfOrder<V> known(UUID orderId, V value) {
		AskedOfOrder<V> known = new AskedOfOrder<>(orderId);
		known.read(value);
		return known;
	}

	UUID orderId() {
		return this.orderId;
	}

	boolean isRead() {
		return this.read;
	}

	void read(V value) {
		this.value = value;
		this.read = true;
	}

	V value() {
		if (!this.read) {
			throw new IllegalStateException("What was asked of order " + this.orderId + " was not read");
		}
		return this.value;
	}
}

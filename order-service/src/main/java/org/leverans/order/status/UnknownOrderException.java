package org.leverans.order.status;

import java.util.UUID;

/**
 * An event names an order this service never stored. Retrying cannot help (orders are stored before OrderPlaced
 * is sent), so it is an {@link IllegalArgumentException}: the messaging library sends it straight to the
 * dead-letter topic, where it stays visible.
 */
public class UnknownOrderException extends IllegalArgumentException {

	public UnknownOrderException(UUID orderId) {
		super("No order " + orderId);
	}
}

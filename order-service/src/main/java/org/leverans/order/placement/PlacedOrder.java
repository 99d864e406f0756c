package org.leverans.order.placement;

import java.util.UUID;

/** The answer to a placement: where the order is and that it is being checked. */
public record PlacedOrder(UUID id, String orderNumber, String status) {

	public String location() {
		return "/api/orders/" + this.id;
	}
}

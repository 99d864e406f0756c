package org.leverans.agreement.approval;

import org.leverans.contracts.order.OrderCancelled;
import org.leverans.contracts.order.OrderRejected;
import org.leverans.messaging.EventHandlers;

import org.springframework.stereotype.Component;

/**
 * Cancelled and rejected orders give back what they spent and withdraw a pending approval. They come on the order
 * topic, which the validation listener reads; it applies these handlers too (a second listener in the same group
 * would get only some of the topic's partitions).
 */
@Component
public class OrderEndings {

	private final EventHandlers handlers;

	OrderEndings(ApprovalDecisions decisions) {
		this.handlers = EventHandlers.named("approval-order-endings")
			.on(OrderCancelled.class, event -> decisions.orderEnded(event.orderId()))
			.on(OrderRejected.class, event -> decisions.orderEnded(event.orderId()));
	}

	public EventHandlers handlers() {
		return this.handlers;
	}
}

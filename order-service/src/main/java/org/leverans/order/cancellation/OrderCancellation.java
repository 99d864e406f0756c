package org.leverans.order.cancellation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.Reason;
import org.leverans.contracts.order.OrderCancelled;
import org.leverans.messaging.Outbox;
import org.leverans.order.core.OrderStatus;
import org.leverans.order.core.Orders;
import org.leverans.order.core.StoredOrder;
import org.leverans.order.core.Timeline;
import org.leverans.order.shipments.Shipments;
import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancels an order while nothing has left the warehouse. The order row is locked, so a decision or a pick-up being
 * applied at the same moment is either seen (and the cancel refused) or waits until the cancel has committed.
 */
@Service
public class OrderCancellation {

	private final Orders orders;

	private final Shipments shipments;

	private final Timeline timeline;

	private final Outbox outbox;

	private final Clock clock;

	OrderCancellation(Orders orders, Shipments shipments, Timeline timeline, Outbox outbox, Clock clock) {
		this.orders = orders;
		this.shipments = shipments;
		this.timeline = timeline;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Transactional
	public StoredOrder cancel(UUID id, Caller caller, String reason) {
		StoredOrder order = this.orders.lock(id)
			.filter(o -> caller.mayOrderFor(o.customerId()))
			.orElseThrow(() -> ApiProblem.notFound("Order " + id + " does not exist."));
		OrderStatus status = order.progress().status();
		if (!status.mayCancel(this.shipments.tally(id).anyPickedUp())) {
			String why = (status == OrderStatus.ACCEPTED) ? "a shipment has already been picked up"
					: "the order is " + status;
			throw ApiProblem.conflict("order-not-cancellable", "Order cannot be cancelled",
					"Order " + order.orderNumber() + " cannot be cancelled: " + why + ".");
		}
		Instant now = this.clock.instant();
		String text = (reason != null && !reason.isBlank()) ? reason.strip() : null;
		List<Reason> reasons = List.of(Reason.of("CANCELLED_BY_CUSTOMER",
				"Cancelled by " + caller.subject() + ((text != null) ? ": " + text : "")));
		this.orders.storeStatus(id, OrderStatus.CANCELLED, reasons, now);
		this.timeline.record(new Timeline.Entry(id, now, now, "OrderCancelled",
				"Cancelled by " + caller.subject() + " while " + status, OrderStatus.CANCELLED, text, null, null, null));
		this.outbox.publish(id, id,
				new OrderCancelled(id, order.orderNumber(), order.customerId(), caller.subject(), text, now));
		return this.orders.find(id).orElseThrow();
	}
}

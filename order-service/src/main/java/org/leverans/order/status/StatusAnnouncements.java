package org.leverans.order.status;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.leverans.contracts.Reason;
import org.leverans.contracts.order.OrderAccepted;
import org.leverans.contracts.order.OrderAwaitingApproval;
import org.leverans.contracts.order.OrderDelivered;
import org.leverans.contracts.order.OrderOnHold;
import org.leverans.contracts.order.OrderRejected;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.messaging.Outbox;
import org.leverans.order.core.OrderApproval;
import org.leverans.order.core.OrderStatus;
import org.leverans.order.core.Orders;
import org.leverans.order.core.StoredLine;
import org.leverans.order.core.StoredOrder;
import org.leverans.order.core.Timeline;

import org.springframework.stereotype.Component;

/**
 * Tells the world that an order reached a status: a status-history entry in the timeline and, for the statuses
 * other services act on, an event on {@code leverans.order.v1} in the same transaction.
 */
@Component
public class StatusAnnouncements {

	/**
	 * The statuses other services act on. The rest are this service's own steps (and a cancellation is announced
	 * where it happens), so they go to the timeline only, without reading the order again.
	 */
	private static final Set<OrderStatus> PUBLISHED = EnumSet.of(OrderStatus.ACCEPTED, OrderStatus.REJECTED,
			OrderStatus.ON_HOLD, OrderStatus.AWAITING_APPROVAL, OrderStatus.DELIVERED);

	private final Orders orders;

	private final Timeline timeline;

	private final Outbox outbox;

	public StatusAnnouncements(Orders orders, Timeline timeline, Outbox outbox) {
		this.orders = orders;
		this.timeline = timeline;
		this.outbox = outbox;
	}

	/** Call after the new status is stored; the published event reflects the stored order, read for it. */
	public void announce(UUID orderId, OrderStatus status, List<Reason> reasons, Instant at) {
		announce(orderId, () -> this.orders.find(orderId).orElseThrow(() -> new UnknownOrderException(orderId)),
				status, reasons, at);
	}

	/** As {@link #announce(UUID, OrderStatus, List, Instant)}, for an order the caller has as stored now. */
	public void announce(StoredOrder stored, OrderStatus status, List<Reason> reasons, Instant at) {
		announce(stored.id(), () -> stored, status, reasons, at);
	}

	private void announce(UUID orderId, Supplier<StoredOrder> stored, OrderStatus status, List<Reason> reasons,
			Instant at) {
		this.timeline.record(Timeline.Entry.statusChange(orderId, at, typeOf(status), status, describe(reasons)));
		if (!PUBLISHED.contains(status)) {
			return;
		}
		StoredOrder order = stored.get();
		Object event = switch (status) {
			case ACCEPTED -> new OrderAccepted(order.id(), order.orderNumber(), order.customerId(),
					order.purchaseOrderNumber(), order.deliveryMode(), order.requestedDelivery(),
					priced(this.orders.lines(orderId)), order.sites(), order.totals(), at, order.paymentTerms(),
					order.freightTermsCode());
			case REJECTED -> new OrderRejected(order.id(), order.orderNumber(), order.customerId(), reasons, at);
			case ON_HOLD -> new OrderOnHold(order.id(), order.orderNumber(), order.customerId(), reasons, at);
			case AWAITING_APPROVAL -> awaitingApproval(order, reasons, at);
			case DELIVERED -> new OrderDelivered(order.id(), order.orderNumber(), order.customerId(), at);
			default -> throw new IllegalStateException(status + " is not announced");
		};
		this.outbox.publish(orderId, orderId, event);
	}

	private static OrderAwaitingApproval awaitingApproval(StoredOrder order, List<Reason> reasons, Instant at) {
		OrderApproval approval = order.approval();
		return new OrderAwaitingApproval(order.id(), order.orderNumber(), order.customerId(), order.placedBy(),
				(approval != null) ? approval.totals() : null, reasons,
				(approval != null) ? approval.approvers() : List.of(), at,
				(approval != null) ? approval.expiresAt() : null);
	}

	static String typeOf(OrderStatus status) {
		return switch (status) {
			case PLACED -> "OrderPlaced";
			case ACCEPTED -> "OrderAccepted";
			case REJECTED -> "OrderRejected";
			case ON_HOLD -> "OrderOnHold";
			case AWAITING_APPROVAL -> "OrderAwaitingApproval";
			case DELIVERED -> "OrderDelivered";
			case CANCELLED -> "OrderCancelled";
			default -> "OrderStatusChanged";
		};
	}

	public static String describe(List<Reason> reasons) {
		if (reasons == null || reasons.isEmpty()) {
			return null;
		}
		return reasons.stream()
			.map(r -> (r.lineNo() != null ? "line " + r.lineNo() + ": " : "") + r.code()
					+ (r.message() != null ? " – " + r.message() : ""))
			.collect(Collectors.joining("; "));
	}

	private static List<PricedLine> priced(List<StoredLine> lines) {
		return lines.stream()
			.map(l -> new PricedLine(l.lineNo(), l.sku(), l.name(), l.productGroup(), l.unit(), l.quantity(),
					l.packageSize(), l.siteId(), l.listPrice(), l.unitPrice(), l.lineTotal(), l.availableFrom()))
			.toList();
	}
}

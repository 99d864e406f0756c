package org.leverans.order.shipments;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.DeliveryWindowChanged;
import org.leverans.contracts.shipment.ShipmentDelivered;
import org.leverans.contracts.shipment.ShipmentException;
import org.leverans.contracts.shipment.ShipmentPlanned;
import org.leverans.contracts.shipment.ShipmentUpdated;
import org.leverans.messaging.EventMetadata;
import org.leverans.order.core.DeliveryProgress;
import org.leverans.order.core.OrderInDelivery;
import org.leverans.order.core.OrderKeys;
import org.leverans.order.core.OrderStatus;
import org.leverans.order.core.Timeline;
import org.leverans.order.status.StatusAnnouncements;

import org.springframework.stereotype.Service;

/**
 * Keeps each order's shipments view from delivery-service's events and follows the order from ACCEPTED through
 * IN_DELIVERY and PARTIALLY_DELIVERED to DELIVERED.
 */
@Service
public class OrderShipments {

	/** Statuses that mean the goods have left: the order can no longer be cancelled and is in delivery. */
	static final Set<String> PICKED_UP_OR_LATER = Set.of("PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "ARRIVING",
			"DELIVERED", "DELIVERY_FAILED", "RETURNED");

	private static final Set<String> PROBLEMS = Set.of("DELIVERY_FAILED", "EXCEPTION", "RETURNED");

	private static final String DELIVERED = "DELIVERED";

	private final LockedOrders orders;

	private final KnownShipments shipments;

	private final Timeline timeline;

	private final StatusAnnouncements announcements;

	private final Clock clock;

	OrderShipments(LockedOrders orders, KnownShipments shipments, Timeline timeline,
			StatusAnnouncements announcements, Clock clock) {
		this.orders = orders;
		this.shipments = shipments;
		this.timeline = timeline;
		this.announcements = announcements;
		this.clock = clock;
	}

	/**
	 * Before a poll batch's events: their orders locked and the orders' shipments read, in one statement each rather
	 * than one each per order as its events come (a carrier's batch names a hundred orders). The events are keyed by
	 * order id; one keyed otherwise is left to lock its order as it comes.
	 */
	public void prepare(List<EventMetadata> events) {
		Set<UUID> orderIds = OrderKeys.of(events);
		if (!orderIds.isEmpty()) {
			this.orders.lockAll(orderIds);
			this.shipments.readAll(orderIds);
		}
	}

	public void planned(ShipmentPlanned e, EventMetadata meta) {
		OrderInDelivery order = this.orders.lock(e.orderId());
		Optional<ShipmentView> known = this.shipments.find(e.orderId(), e.shipmentId());
		String status = (e.status() != null) ? e.status() : "PLANNED";
		ShipmentView view = new ShipmentView(e.shipmentId(), e.orderId(),
				known.map(ShipmentView::status).filter(DELIVERED::equals).orElse(status), e.carrier(),
				e.trackingNumber(), e.siteId(), e.window(), e.lines(),
				known.map(ShipmentView::pickedUp).orElse(false) || PICKED_UP_OR_LATER.contains(status),
				known.map(ShipmentView::deliveredAt).orElse(null), known.map(ShipmentView::problemCode).orElse(null),
				known.map(ShipmentView::problemReason).orElse(null));
		Instant now = this.clock.instant();
		this.shipments.save(view, (e.plannedAt() != null) ? e.plannedAt() : now, now);
		order = this.orders.storeShipmentsInOrder(order, e.shipmentsInOrder());
		record(e.orderId(), now, e.plannedAt(), "ShipmentPlanned", "Shipment " + label(view) + " planned with "
				+ e.carrier() + " (" + e.shipmentsInOrder() + " in order)", e.shipmentId(), e.window(), meta);
		follow(order, now);
	}

	public void updated(ShipmentUpdated e, EventMetadata meta) {
		OrderInDelivery order = this.orders.lock(e.orderId());
		ShipmentView known = this.shipments.find(e.orderId(), e.shipmentId()).orElse(null);
		String status = (known != null && DELIVERED.equals(known.status())) ? DELIVERED : e.status();
		boolean pickedUp = (known != null && known.pickedUp()) || PICKED_UP_OR_LATER.contains(e.status())
				|| PICKED_UP_OR_LATER.contains(e.eventType());
		boolean problem = PROBLEMS.contains(status);
		ShipmentView view = new ShipmentView(e.shipmentId(), e.orderId(), status,
				(e.carrier() != null) ? e.carrier() : (known != null ? known.carrier() : null),
				(e.trackingNumber() != null) ? e.trackingNumber() : (known != null ? known.trackingNumber() : null),
				(e.siteId() != null) ? e.siteId() : (known != null ? known.siteId() : null),
				(e.window() != null) ? e.window() : (known != null ? known.window() : null),
				(known != null) ? known.lines() : List.of(), pickedUp, (known != null) ? known.deliveredAt() : null,
				problem ? status : null, problem && known != null ? known.problemReason() : null);
		Instant now = this.clock.instant();
		this.shipments.save(view, null, now);
		record(e.orderId(), now, e.occurredAt(), "ShipmentUpdated",
				"Shipment " + label(view) + ": " + e.eventType() + ", now " + status, e.shipmentId(), e.window(),
				meta);
		follow(order, now);
	}

	public void windowChanged(DeliveryWindowChanged e, EventMetadata meta) {
		this.orders.lock(e.orderId());
		ShipmentView known = this.shipments.find(e.orderId(), e.shipmentId()).orElse(null);
		String status = (known != null) ? known.status() : (e.status() != null ? e.status() : "PLANNED");
		ShipmentView view = (known != null)
				? new ShipmentView(known.id(), known.orderId(), status, known.carrier(), known.trackingNumber(),
						known.siteId(), e.window(), known.lines(), known.pickedUp(), known.deliveredAt(),
						known.problemCode(), known.problemReason())
				: new ShipmentView(e.shipmentId(), e.orderId(), status, null, null, e.siteId(), e.window(), List.of(),
						PICKED_UP_OR_LATER.contains(status), null, null, null);
		Instant now = this.clock.instant();
		this.shipments.save(view, null, now);
		record(e.orderId(), now, (e.window() != null) ? e.window().updatedAt() : null, "DeliveryWindowChanged",
				"Shipment " + label(view) + " has a new delivery window", e.shipmentId(), e.window(), meta);
	}

	public void delivered(ShipmentDelivered e, EventMetadata meta) {
		OrderInDelivery order = this.orders.lock(e.orderId());
		ShipmentView known = this.shipments.find(e.orderId(), e.shipmentId()).orElse(null);
		DeliveryWindow window = (known != null) ? known.window() : null;
		ShipmentView view = new ShipmentView(e.shipmentId(), e.orderId(), DELIVERED,
				(e.carrier() != null) ? e.carrier() : (known != null ? known.carrier() : null),
				(e.trackingNumber() != null) ? e.trackingNumber() : (known != null ? known.trackingNumber() : null),
				(e.siteId() != null) ? e.siteId() : (known != null ? known.siteId() : null), window,
				(known != null) ? known.lines() : List.of(), true, e.deliveredAt(), null, null);
		Instant now = this.clock.instant();
		this.shipments.save(view, null, now);
		order = this.orders.storeShipmentsInOrder(order, e.shipmentsInOrder());
		String signed = (e.proofOfDelivery() != null && e.proofOfDelivery().signedBy() != null)
				? ", signed by " + e.proofOfDelivery().signedBy() : "";
		record(e.orderId(), now, e.deliveredAt(), "ShipmentDelivered",
				"Shipment " + label(view) + " delivered" + signed, e.shipmentId(), null, meta);
		follow(order, now);
	}

	public void exception(ShipmentException e, EventMetadata meta) {
		OrderInDelivery order = this.orders.lock(e.orderId());
		ShipmentView known = this.shipments.find(e.orderId(), e.shipmentId()).orElse(null);
		boolean delivered = known != null && DELIVERED.equals(known.status());
		String status = delivered ? DELIVERED : e.eventType();
		ShipmentView view = new ShipmentView(e.shipmentId(), e.orderId(), status,
				(e.carrier() != null) ? e.carrier() : (known != null ? known.carrier() : null),
				(e.trackingNumber() != null) ? e.trackingNumber() : (known != null ? known.trackingNumber() : null),
				(e.siteId() != null) ? e.siteId() : (known != null ? known.siteId() : null),
				(known != null) ? known.window() : null, (known != null) ? known.lines() : List.of(),
				(known != null && known.pickedUp()) || PICKED_UP_OR_LATER.contains(e.eventType()),
				(known != null) ? known.deliveredAt() : null, delivered ? null : e.eventType(),
				delivered ? null : e.reason());
		Instant now = this.clock.instant();
		this.shipments.save(view, null, now);
		record(e.orderId(), now, e.occurredAt(), "ShipmentException",
				"Shipment " + label(view) + ": " + e.eventType() + (e.reason() != null ? " – " + e.reason() : ""),
				e.shipmentId(), null, meta);
		follow(order, now);
	}

	/**
	 * Moves the order forward if its shipments say so, and announces it.
	 *
	 * @param order as it is now, with the shipment count the event stored
	 */
	private void follow(OrderInDelivery order, Instant now) {
		Shipments.Tally tally = this.shipments.tally(order.id());
		OrderStatus status = order.status();
		Optional<OrderStatus> next = new DeliveryProgress(order.shipmentsInOrder(), tally.anyPickedUp(),
				tally.delivered()).next(status);
		if (next.isPresent()) {
			this.orders.storeStatus(order, next.get(), now);
			this.announcements.announce(order.id(), next.get(), List.of(), now);
		}
	}

	/** The window goes in its own fields, never into the summary: the reader's page shows it in their time zone. */
	private void record(UUID orderId, Instant now, Instant occurredAt, String type, String summary, UUID shipmentId,
			DeliveryWindow window, EventMetadata meta) {
		this.timeline.record(Timeline.Entry.shipmentEvent(orderId, now, occurredAt, type, summary, shipmentId,
				meta.id(), timelineWindow(window)));
	}

	private static String label(ShipmentView view) {
		return (view.trackingNumber() != null) ? view.trackingNumber() : view.id().toString();
	}

	private static Timeline.Window timelineWindow(DeliveryWindow window) {
		if (window == null || window.from() == null || window.to() == null) {
			return null;
		}
		return new Timeline.Window(window.from(), window.to(), window.basis());
	}
}

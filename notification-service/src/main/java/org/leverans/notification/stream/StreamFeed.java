package org.leverans.notification.stream;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.leverans.contracts.Reason;
import org.leverans.contracts.order.OrderAccepted;
import org.leverans.contracts.order.OrderAwaitingApproval;
import org.leverans.contracts.order.OrderCancelled;
import org.leverans.contracts.order.OrderDelivered;
import org.leverans.contracts.order.OrderLine;
import org.leverans.contracts.order.OrderOnHold;
import org.leverans.contracts.order.OrderPlaced;
import org.leverans.contracts.order.OrderRejected;
import org.leverans.contracts.shipment.DeliveryWindowChanged;
import org.leverans.contracts.shipment.ShipmentDelivered;
import org.leverans.contracts.shipment.ShipmentException;
import org.leverans.contracts.shipment.ShipmentPlanned;
import org.leverans.contracts.shipment.ShipmentUpdated;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.messaging.EventHandlers;
import org.leverans.messaging.EventMetadata;
import org.leverans.notification.intake.IntakeHandlers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns order and shipment events into stream rows, each in the same transaction as the inbox entry that makes a
 * redelivered event a no-op.
 */
@Component
class StreamFeed implements IntakeHandlers {

	private final StreamEvents streamEvents;

	private final KnownOrders orders;

	private final JsonMapper json;

	private final Clock clock;

	private final EventHandlers handlers;

	StreamFeed(StreamEvents streamEvents, KnownOrders orders, JsonMapper json, Clock clock) {
		this.streamEvents = streamEvents;
		this.orders = orders;
		this.json = json;
		this.clock = clock;
		this.handlers = EventHandlers.named("live-stream")
			.onEvent(OrderPlaced.class, this::placed)
			.onEvent(OrderAccepted.class, this::accepted)
			.onEvent(OrderRejected.class, this::rejected)
			.onEvent(OrderOnHold.class, this::onHold)
			.onEvent(OrderAwaitingApproval.class, this::awaitingApproval)
			.onEvent(OrderCancelled.class, this::cancelled)
			.onEvent(OrderDelivered.class, this::delivered)
			.onEvent(ShipmentPlanned.class, this::shipmentPlanned)
			.onEvent(ShipmentUpdated.class, this::shipmentUpdated)
			.onEvent(ShipmentException.class, this::shipmentException)
			.onEvent(DeliveryWindowChanged.class, this::windowChanged)
			.onEvent(ShipmentDelivered.class, this::shipmentDelivered);
	}

	@Override
	public EventHandlers handlers() {
		return this.handlers;
	}

	private void placed(OrderPlaced event, EventMetadata metadata) {
		this.orders.remember(event.orderId(), event.orderNumber(), event.customerId(), now());
		this.orders.addCustomerSites(event.orderId(), event.customerId(),
				(event.lines() != null) ? event.lines().stream().map(OrderLine::siteId).toList() : List.of());
		appendOrderStatus(event.orderId(), event.customerId(), "PLACED", event.orderNumber(), null,
				event.placedAt(), metadata);
	}

	private void accepted(OrderAccepted event, EventMetadata metadata) {
		this.orders.remember(event.orderId(), event.orderNumber(), event.customerId(), now());
		Set<UUID> sites = new HashSet<>();
		if (event.lines() != null) {
			event.lines().stream().map(PricedLine::siteId).forEach(sites::add);
		}
		if (event.sites() != null) {
			event.sites().stream().map(DeliverySite::siteId).forEach(sites::add);
		}
		this.orders.addSites(event.orderId(), sites);
		appendOrderStatus(event.orderId(), event.customerId(), "ACCEPTED", event.orderNumber(), null,
				event.acceptedAt(), metadata);
	}

	private void rejected(OrderRejected event, EventMetadata metadata) {
		orderStatus(event.orderId(), event.orderNumber(), event.customerId(), "REJECTED", reasons(event.reasons()),
				event.rejectedAt(), metadata);
	}

	private void onHold(OrderOnHold event, EventMetadata metadata) {
		orderStatus(event.orderId(), event.orderNumber(), event.customerId(), "ON_HOLD", reasons(event.reasons()),
				event.heldAt(), metadata);
	}

	private void awaitingApproval(OrderAwaitingApproval event, EventMetadata metadata) {
		orderStatus(event.orderId(), event.orderNumber(), event.customerId(), "AWAITING_APPROVAL",
				reasons(event.reasons()), event.awaitingSince(), metadata);
	}

	private void cancelled(OrderCancelled event, EventMetadata metadata) {
		List<Reason> reasons = (event.reason() != null) ? List.of(Reason.of("CANCELLED", event.reason())) : null;
		orderStatus(event.orderId(), event.orderNumber(), event.customerId(), "CANCELLED", reasons,
				event.cancelledAt(), metadata);
	}

	private void delivered(OrderDelivered event, EventMetadata metadata) {
		orderStatus(event.orderId(), event.orderNumber(), event.customerId(), "DELIVERED", null, event.deliveredAt(),
				metadata);
	}

	private void orderStatus(UUID orderId, String orderNumber, UUID customerId, String status, List<Reason> reasons,
			Instant occurredAt, EventMetadata metadata) {
		this.orders.remember(orderId, orderNumber, customerId, now());
		appendOrderStatus(orderId, customerId, status, orderNumber, reasons, occurredAt, metadata);
	}

	/** For an order already remembered by the caller, which had more to record about it first. */
	private void appendOrderStatus(UUID orderId, UUID customerId, String status, String orderNumber,
			List<Reason> reasons, Instant occurredAt, EventMetadata metadata) {
		StreamData data = StreamData.order(orderId, orderNumber, status, reasons,
				occurredAt(occurredAt, metadata));
		// The row shows the order's sites as the transaction leaves them, read with the batch's other orders' as the
		// rows are written (KnownOrders.sitesOf says why that shows nobody more than they may see).
		append(StreamEventNames.ORDER_STATUS_CHANGED, customerId, this.orders.sitesOf(orderId), orderId, null,
				metadata, data);
	}

	private void shipmentPlanned(ShipmentPlanned event, EventMetadata metadata) {
		shipment(StreamEventNames.SHIPMENT_UPDATED, event.customerId(), event.siteId(), metadata,
				new StreamData(event.orderId(), null, event.shipmentId(), event.siteId(), event.carrier(),
						event.trackingNumber(), event.status(), "PLANNED", event.window(), null, null,
						occurredAt(event.plannedAt(), metadata)));
	}

	private void shipmentUpdated(ShipmentUpdated event, EventMetadata metadata) {
		shipment(StreamEventNames.SHIPMENT_UPDATED, event.customerId(), event.siteId(), metadata,
				new StreamData(event.orderId(), null, event.shipmentId(), event.siteId(), event.carrier(),
						event.trackingNumber(), event.status(), event.eventType(), event.window(), null, null,
						occurredAt(event.occurredAt(), metadata)));
	}

	private void shipmentException(ShipmentException event, EventMetadata metadata) {
		List<Reason> reasons = List.of(Reason.of(event.eventType(), event.reason()));
		shipment(StreamEventNames.SHIPMENT_UPDATED, event.customerId(), event.siteId(), metadata,
				new StreamData(event.orderId(), null, event.shipmentId(), event.siteId(), event.carrier(),
						event.trackingNumber(), event.eventType(), event.eventType(), null, null, reasons,
						occurredAt(event.occurredAt(), metadata)));
	}

	private void windowChanged(DeliveryWindowChanged event, EventMetadata metadata) {
		Instant updatedAt = (event.window() != null) ? event.window().updatedAt() : null;
		shipment(StreamEventNames.SHIPMENT_WINDOW_CHANGED, event.customerId(), event.siteId(), metadata,
				new StreamData(event.orderId(), null, event.shipmentId(), event.siteId(), null, null, event.status(),
						null, event.window(), event.previousWindow(), null, occurredAt(updatedAt, metadata)));
	}

	private void shipmentDelivered(ShipmentDelivered event, EventMetadata metadata) {
		shipment(StreamEventNames.SHIPMENT_DELIVERED, event.customerId(), event.siteId(), metadata,
				new StreamData(event.orderId(), null, event.shipmentId(), event.siteId(), event.carrier(),
						event.trackingNumber(), "DELIVERED", null, null, null, null,
						occurredAt(event.deliveredAt(), metadata)));
	}

	private void shipment(String name, UUID customerId, UUID siteId, EventMetadata metadata, StreamData data) {
		if (siteId != null && data.orderId() != null) {
			// Later order status changes then reach this site's receivers too.
			this.orders.addSites(data.orderId(), List.of(siteId));
		}
		// The row shows the order's number as it is now, read with the batch's other orders' as the rows are written.
		Supplier<String> number = (data.orderId() != null) ? this.orders.numberOf(data.orderId()) : () -> null;
		this.streamEvents.record(name, customerId, (siteId != null) ? Set.of(siteId) : Set.of(), data.orderId(),
				data.shipmentId(), metadata.id(),
				() -> this.json.writeValueAsString(withOrderNumber(data, number.get())), now());
	}

	private static StreamData withOrderNumber(StreamData data, String number) {
		return new StreamData(data.orderId(), number, data.shipmentId(), data.siteId(), data.carrier(),
				data.trackingNumber(), data.status(), data.eventType(), data.window(), data.previousWindow(),
				data.reasons(), data.occurredAt());
	}

	private void append(String name, UUID customerId, Supplier<Set<UUID>> siteIds, UUID orderId, UUID shipmentId,
			EventMetadata metadata, StreamData data) {
		String json = this.json.writeValueAsString(data);
		this.streamEvents.record(name, customerId, siteIds, orderId, shipmentId, metadata.id(), () -> json, now());
	}

	private Instant occurredAt(Instant occurredAt, EventMetadata metadata) {
		if (occurredAt != null) {
			return occurredAt;
		}
		return (metadata.time() != null) ? metadata.time() : now();
	}

	private static List<Reason> reasons(List<Reason> reasons) {
		return (reasons != null) ? reasons : List.of();
	}

	private Instant now() {
		return this.clock.instant();
	}
}

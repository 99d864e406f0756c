package org.leverans.delivery.planning;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.order.OrderAccepted;
import org.leverans.contracts.order.OrderCancelled;
import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.ShipmentPlanned;
import org.leverans.contracts.shipment.ShipmentUpdated;
import org.leverans.delivery.shipment.Shipment;
import org.leverans.delivery.shipment.ShipmentStatus;
import org.leverans.delivery.shipment.Shipments;
import org.leverans.delivery.window.ArrivalHistory;
import org.leverans.delivery.window.DeliveryWindowPolicy;
import org.leverans.delivery.window.WindowEvidence;
import org.leverans.messaging.EventHandlers;
import org.leverans.messaging.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Plans shipments for accepted orders and cancels those not yet picked up when an order is cancelled. Runs inside
 * the inbox's transaction, so the shipments, their events and the remembered event id commit together. The order
 * topic's one listener in this service hands it its events.
 */
@Component
public class OrderPlanning {

	private static final Logger logger = LoggerFactory.getLogger(OrderPlanning.class);

	private final Outbox outbox;

	private final Shipments shipments;

	private final ShipmentPlanner planner;

	private final TrackingNumbers trackingNumbers;

	private final DeliveryWindowPolicy windows;

	private final ArrivalHistory arrivals;

	private final Clock clock;

	private final EventHandlers handlers;

	OrderPlanning(Outbox outbox, Shipments shipments, ShipmentPlanner planner,
			TrackingNumbers trackingNumbers, DeliveryWindowPolicy windows, ArrivalHistory arrivals, Clock clock) {
		this.outbox = outbox;
		this.shipments = shipments;
		this.planner = planner;
		this.trackingNumbers = trackingNumbers;
		this.windows = windows;
		this.arrivals = arrivals;
		this.clock = clock;
		this.handlers = EventHandlers.named("delivery-planning")
			.on(OrderAccepted.class, this::plan)
			.on(OrderCancelled.class, this::cancel);
	}

	/** The order events planning acts on; the inbox remembers them as {@code delivery-planning}'s. */
	public EventHandlers handlers() {
		return this.handlers;
	}

	void plan(OrderAccepted order) {
		// The inbox stops a redelivered record; this stops a second OrderAccepted for the same order.
		if (this.shipments.planned(order.orderId()) || this.shipments.cancelled(order.orderId())) {
			logger.info("Order {} is already planned or cancelled; not planning it again", order.orderId());
			return;
		}
		Instant now = this.clock.instant();
		List<PlannedShipment> plan = this.planner.plan(order);
		for (PlannedShipment planned : plan) {
			DeliveryWindow slot = DeliveryWindowPolicy.planned(planned.date(), planned.slotFrom(), planned.slotTo(),
					planned.zone(), now);
			// Shown as the carrier's deliveries have landed against their slots, when there is evidence of it.
			DeliveryWindow window = this.windows.current(
					new WindowEvidence(slot.from(), slot.to(), null, null, null, null),
					this.arrivals.calibrationOf(planned.carrier()), now);
			Shipment shipment = new Shipment(UUID.randomUUID(), order.orderId(), order.orderNumber(),
					order.customerId(), planned.siteId(), planned.siteName(), planned.countryCode(), planned.zone(),
					planned.carrier(), this.trackingNumbers.next(planned.carrier()), ShipmentStatus.PLANNED, null,
					planned.date(), planned.slotFrom(), planned.slotTo(), plan.size(), now, null, null, null, null,
					null, window);
			this.shipments.insert(shipment, planned.lines());
			this.outbox.publish(order.orderId(), shipment.id(),
					new ShipmentPlanned(shipment.id(), order.orderId(), order.customerId(), planned.siteId(),
							planned.carrier(), shipment.trackingNumber(), ShipmentStatus.PLANNED.name(),
							planned.lines(), window, plan.size(), now));
		}
		logger.info("Planned order {} into {} shipment(s)", order.orderId(), plan.size());
	}

	void cancel(OrderCancelled cancelled) {
		Instant occurredAt = (cancelled.cancelledAt() != null) ? cancelled.cancelledAt() : this.clock.instant();
		this.shipments.rememberCancelled(cancelled.orderId(), occurredAt);
		for (Shipment shipment : this.shipments.lockOfOrder(cancelled.orderId())) {
			if (!shipment.status().notYetPickedUp()) {
				continue;
			}
			Shipment updated = shipment.withProgress(ShipmentStatus.CANCELLED, occurredAt, shipment.eta(),
					shipment.etaOccurredAt(), shipment.latestEventAt(), shipment.deliveredAt(),
					shipment.proofOfDelivery(), shipment.window());
			this.shipments.update(updated);
			this.outbox.publish(shipment.orderId(), shipment.id(),
					new ShipmentUpdated(shipment.id(), shipment.orderId(), shipment.customerId(), shipment.siteId(),
							shipment.carrier(), shipment.trackingNumber(), ShipmentStatus.CANCELLED.name(),
							"CANCELLED", occurredAt, shipment.window()));
		}
	}
}


package org.leverans.notification.arrival;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.DeliveryWindowChanged;
import org.leverans.contracts.shipment.ShipmentDelivered;
import org.leverans.contracts.shipment.ShipmentException;
import org.leverans.contracts.shipment.ShipmentPlanned;
import org.leverans.contracts.shipment.ShipmentUpdated;
import org.leverans.messaging.EventHandlers;
import org.leverans.notification.intake.IntakeHandlers;
import org.leverans.notification.subscription.ArrivalAlertProperties;

import org.springframework.stereotype.Component;

/**
 * Keeps each shipment's pending arrival alert timed to its current delivery window, and withdraws it when the
 * shipment can no longer arrive (delivered, cancelled, returned).
 */
@Component
class ArrivalPlanner implements IntakeHandlers {

	/** A shipment in one of these will not arrive any more, so it gets no alert. */
	private static final Set<String> FINISHED = Set.of("DELIVERED", "CANCELLED", "RETURNED");

	private final ArrivalAlertChanges alerts;

	private final ArrivalAlertProperties properties;

	private final Clock clock;

	private final EventHandlers handlers;

	ArrivalPlanner(ArrivalAlertChanges alerts, ArrivalAlertProperties properties, Clock clock) {
		this.alerts = alerts;
		this.properties = properties;
		this.clock = clock;
		this.handlers = EventHandlers.named("arrival-alerts")
			.on(ShipmentPlanned.class, event -> plan(event.shipmentId(), event.orderId(), event.customerId(),
					event.siteId(), event.carrier(), event.trackingNumber(), event.status(), event.window(), false))
			.on(ShipmentUpdated.class, this::updated)
			.on(DeliveryWindowChanged.class, event -> plan(event.shipmentId(), event.orderId(), event.customerId(),
					event.siteId(), null, null, event.status(), event.window(), false))
			.on(ShipmentDelivered.class, event -> withdraw(event.shipmentId()))
			.on(ShipmentException.class, event -> {
				if (FINISHED.contains(event.eventType())) {
					withdraw(event.shipmentId());
				}
			});
	}

	@Override
	public EventHandlers handlers() {
		return this.handlers;
	}

	private void updated(ShipmentUpdated event) {
		if (FINISHED.contains(event.status())) {
			withdraw(event.shipmentId());
			return;
		}
		// The partner says the truck is arriving now: no reason to wait for the planned moment.
		boolean now = "ARRIVING".equals(event.eventType()) || "ARRIVING".equals(event.status());
		plan(event.shipmentId(), event.orderId(), event.customerId(), event.siteId(), event.carrier(),
				event.trackingNumber(), event.status(), event.window(), now);
	}

	private void plan(UUID shipmentId, UUID orderId, UUID customerId, UUID siteId, String carrier,
			String trackingNumber, String status, DeliveryWindow window, boolean dueNow) {
		Instant now = this.clock.instant();
		if (window == null || window.from() == null) {
			// Nothing to time an alert by; keep what is known about the shipment for when a window comes.
			this.alerts.keep(shipmentId, status, dueNow, now);
			return;
		}
		Instant due = dueNow ? now : window.from().minus(this.properties.leadTime());
		this.alerts.plan(shipmentId, orderId, customerId, siteId, carrier, trackingNumber, status, window, due,
				dueNow ? now : null, now);
	}

	private void withdraw(UUID shipmentId) {
		this.alerts.withdraw(shipmentId, this.clock.instant());
	}
}

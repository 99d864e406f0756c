package org.leverans.notification.arrival;

import java.sql.Timestamp;
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
import org.leverans.contracts.shipment.WindowConfidence;
import org.leverans.messaging.EventHandlers;
import org.leverans.notification.intake.IntakeHandlers;
import org.leverans.notification.subscription.ArrivalAlertProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps each shipment's pending arrival alert timed to its current delivery window, and withdraws it when the
 * shipment can no longer arrive (delivered, cancelled, returned).
 */
@Component
class ArrivalPlanner implements IntakeHandlers {

	/** A shipment in one of these will not arrive any more, so it gets no alert. */
	private static final Set<String> FINISHED = Set.of("DELIVERED", "CANCELLED", "RETURNED");

	private final JdbcClient jdbc;

	private final ArrivalAlertProperties properties;

	private final Clock clock;

	private final EventHandlers handlers;

	ArrivalPlanner(JdbcClient jdbc, ArrivalAlertProperties properties, Clock clock) {
		this.jdbc = jdbc;
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
			this.jdbc.sql("""
					UPDATE arrival_alert SET status = coalesce(?, status), due_at = CASE WHEN ? THEN ? ELSE due_at END,
					       arriving_at = CASE WHEN ? THEN coalesce(arriving_at, ?) ELSE arriving_at END, updated_at = ?
					WHERE shipment_id = ? AND cancelled_at IS NULL""")
				.params(status, dueNow, Timestamp.from(now), dueNow, Timestamp.from(now), Timestamp.from(now),
						shipmentId)
				.update();
			return;
		}
		Instant due = dueNow ? now : window.from().minus(this.properties.leadTime());
		WindowConfidence confidence = window.confidence();
		// Once the shared alert is sent the window still moves on: people with shorter lead times are timed by it.
		this.jdbc.sql("""
				INSERT INTO arrival_alert (shipment_id, order_id, customer_id, site_id, carrier, tracking_number,
				                           status, window_from, window_to, window_basis, window_updated_at,
				                           window_confidence, window_samples, window_coverage,
				                           window_usual_width_minutes, due_at, arriving_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (shipment_id) DO UPDATE
				SET carrier = coalesce(EXCLUDED.carrier, arrival_alert.carrier),
				    tracking_number = coalesce(EXCLUDED.tracking_number, arrival_alert.tracking_number),
				    status = coalesce(EXCLUDED.status, arrival_alert.status),
				    window_from = EXCLUDED.window_from, window_to = EXCLUDED.window_to,
				    window_basis = EXCLUDED.window_basis, window_updated_at = EXCLUDED.window_updated_at,
				    window_confidence = EXCLUDED.window_confidence, window_samples = EXCLUDED.window_samples,
				    window_coverage = EXCLUDED.window_coverage,
				    window_usual_width_minutes = EXCLUDED.window_usual_width_minutes,
				    due_at = CASE WHEN arrival_alert.arriving_at IS NOT NULL THEN arrival_alert.due_at
				                  ELSE EXCLUDED.due_at END,
				    arriving_at = coalesce(arrival_alert.arriving_at, EXCLUDED.arriving_at),
				    updated_at = EXCLUDED.updated_at
				WHERE arrival_alert.cancelled_at IS NULL""")
			.params(shipmentId, orderId, customerId, siteId, carrier, trackingNumber, status,
					Timestamp.from(window.from()), timestamp(window.to()), window.basis(),
					timestamp(window.updatedAt()), (confidence != null) ? confidence.kind() : null,
					(confidence != null) ? confidence.samples() : null,
					(confidence != null) ? confidence.coverage() : null,
					(confidence != null) ? confidence.usualWidthMinutes() : null, Timestamp.from(due),
					dueNow ? Timestamp.from(now) : null,
					Timestamp.from(now))
			.update();
	}

	private void withdraw(UUID shipmentId) {
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				UPDATE arrival_alert SET cancelled_at = ?, updated_at = ?
				WHERE shipment_id = ? AND cancelled_at IS NULL""")
			.params(Timestamp.from(now), Timestamp.from(now), shipmentId)
			.update();
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}
}

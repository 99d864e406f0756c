package org.leverans.delivery.accuracy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.delivery.shipment.Shipment;
import org.leverans.delivery.shipment.Shipments;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the platform honest about its own promise: when a shipment is delivered, remembers the windows it showed
 * four hours and one hour before the actual arrival, and counts each as a hit or a miss by carrier
 * ({@code leverans.delivery.window.promises}), so a dashboard shows the hit rate as it changes.
 */
@Component
public class DeliveryPromises {

	static final Duration FOUR_HOURS = Duration.ofHours(4);

	static final Duration ONE_HOUR = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final Shipments shipments;

	private final MeterRegistry meters;

	DeliveryPromises(JdbcClient jdbc, Shipments shipments, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.shipments = shipments;
		this.meters = meters;
	}

	public void recordArrival(Shipment shipment, Instant deliveredAt) {
		Optional<DeliveryWindow> fourHoursBefore = this.shipments.windowShownAt(shipment.id(),
				deliveredAt.minus(FOUR_HOURS));
		Optional<DeliveryWindow> oneHourBefore = this.shipments.windowShownAt(shipment.id(), deliveredAt.minus(ONE_HOUR));
		int recorded = this.jdbc.sql("""
				INSERT INTO delivery_promise (shipment_id, carrier, delivered_at, h4_from, h4_to, h1_from, h1_to)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (shipment_id) DO NOTHING""")
			.params(shipment.id(), shipment.carrier(), Timestamp.from(deliveredAt),
					fourHoursBefore.map(w -> Timestamp.from(w.from())).orElse(null),
					fourHoursBefore.map(w -> Timestamp.from(w.to())).orElse(null),
					oneHourBefore.map(w -> Timestamp.from(w.from())).orElse(null),
					oneHourBefore.map(w -> Timestamp.from(w.to())).orElse(null))
			.update();
		// A repeated DELIVERED is not a second arrival.
		if (recorded == 1) {
			fourHoursBefore.ifPresent(window -> count(shipment.carrier(), "4h", window, deliveredAt));
			oneHourBefore.ifPresent(window -> count(shipment.carrier(), "1h", window, deliveredAt));
		}
	}

	private void count(String carrier, String horizon, DeliveryWindow window, Instant deliveredAt) {
		boolean hit = !deliveredAt.isBefore(window.from()) && !deliveredAt.isAfter(window.to());
		Counter.builder("leverans.delivery.window.promises")
			.description("Delivered shipments by whether they arrived inside the window shown 4 h or 1 h before")
			.tag("carrier", carrier)
			.tag("horizon", horizon)
			.tag("outcome", hit ? "hit" : "miss")
			.register(this.meters)
			.increment();
	}
}

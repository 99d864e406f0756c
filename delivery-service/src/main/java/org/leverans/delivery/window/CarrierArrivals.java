package org.leverans.delivery.window;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Learns, online, how each carrier's ETAs turn out: every delivered shipment adds how late or early it arrived
 * against the last ETA, and only the most recent arrivals count, so the model follows a carrier that changes.
 */
@Component
public class CarrierArrivals {

	private final JdbcClient jdbc;

	private final WindowProperties properties;

	CarrierArrivals(JdbcClient jdbc, WindowProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	public void record(UUID shipmentId, String carrier, Instant lastEta, Instant deliveredAt) {
		long error = Duration.between(lastEta, deliveredAt).toSeconds();
		this.jdbc.sql("""
				INSERT INTO carrier_arrival_error (shipment_id, carrier, error_seconds, delivered_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (shipment_id) DO NOTHING""")
			.params(shipmentId, carrier, error, Timestamp.from(deliveredAt))
			.update();
	}

	public ArrivalErrors errorsOf(String carrier) {
		return ArrivalErrors.of(this.jdbc.sql("""
				SELECT error_seconds FROM carrier_arrival_error WHERE carrier = ?
				ORDER BY delivered_at DESC LIMIT ?""")
			.params(carrier, this.properties.prediction().sampleSize())
			.query(Long.class)
			.list());
	}
}

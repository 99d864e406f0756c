package org.leverans.delivery.window;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.delivery.shipment.Shipment;
import org.leverans.delivery.shipment.TimelineEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps, for every delivered shipment, each ETA its carrier gave and its planned slot against the actual arrival,
 * and calibrates each carrier's windows from them. Calibrations are computed once and kept until the next delivery
 * commits, so drawing a window costs no query.
 */
@Component
public class ArrivalHistory {

	static final String PLANNED_SLOT = "planned-slot";

	private static final String POOLED = "";

	private final JdbcClient jdbc;

	private final ArrivalCalibrator calibrator;

	private final WindowProperties.Calibration properties;

	private final Map<String, Map<Horizon, ConformalBounds>> bounds = new ConcurrentHashMap<>();

	ArrivalHistory(JdbcClient jdbc, WindowProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties.calibration();
		this.calibrator = new ArrivalCalibrator(this.properties);
	}

	/**
	 * Remembers what the delivered shipment was promised. Once per shipment: a second call for it changes nothing.
	 * @param timeline the shipment's partner events; those with an ETA given before the arrival count
	 */
	public void record(Shipment delivered, List<TimelineEvent> timeline) {
		Instant deliveredAt = delivered.deliveredAt();
		int inserted = this.jdbc.sql("""
				INSERT INTO arrival_delivery (shipment_id, carrier, delivered_at) VALUES (?, ?, ?)
				ON CONFLICT (shipment_id) DO NOTHING""")
			.params(delivered.id(), delivered.carrier(), Timestamp.from(deliveredAt))
			.update();
		if (inserted == 0) {
			return;
		}
		DeliveryWindow slot = DeliveryWindowPolicy.planned(delivered);
		insertSample(delivered.id(), PLANNED_SLOT, HorizonBand.PLANNED_SLOT.name(), delivered.plannedAt(),
				slot.from(), slot.to(), deliveredAt);
		for (TimelineEvent event : timeline) {
			if (event.eta() != null && event.occurredAt().isBefore(deliveredAt)) {
				DeliveryOutcome.GivenEta eta = new DeliveryOutcome.GivenEta(event.occurredAt(), event.eta());
				insertSample(delivered.id(), event.eventId(), eta.notice().name(), eta.givenAt(), eta.eta(), eta.eta(),
						deliveredAt);
			}
		}
		forgetCalibrationsAfterCommit();
	}

	public CarrierCalibration calibrationOf(String carrier) {
		Map<Horizon, ConformalBounds> own = this.bounds.computeIfAbsent(carrier,
				c -> this.calibrator.bounds(recentDeliveries(c)));
		Map<Horizon, ConformalBounds> pooled = this.bounds.computeIfAbsent(POOLED,
				c -> this.calibrator.bounds(recentDeliveries(null)));
		return new CarrierCalibration(own, pooled, this.properties);
	}

	/** The carrier's (or, for null, every carrier's) most recent deliveries with what they were promised. */
	List<DeliveryOutcome> recentDeliveries(String carrier) {
		Map<UUID, Promised> promised = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT d.shipment_id, d.carrier, d.delivered_at, s.source, s.given_at, s.expected_from, s.expected_to
				FROM (SELECT shipment_id, carrier, delivered_at FROM arrival_delivery
				      WHERE (CAST(:carrier AS TEXT) IS NULL OR carrier = :carrier)
				      ORDER BY delivered_at DESC, shipment_id LIMIT :limit) d
				JOIN arrival_sample s ON s.shipment_id = d.shipment_id
				ORDER BY d.delivered_at DESC, d.shipment_id""")
			.param("carrier", carrier)
			.param("limit", this.properties.maxDeliveries())
			.query(rs -> {
				String deliveredBy = rs.getString(2);
				Instant deliveredAt = rs.getTimestamp(3).toInstant();
				Promised delivery = promised.computeIfAbsent(rs.getObject(1, UUID.class),
						id -> new Promised(deliveredBy, deliveredAt));
				Instant expectedFrom = rs.getTimestamp(6).toInstant();
				if (PLANNED_SLOT.equals(rs.getString(4))) {
					delivery.slot(expectedFrom, rs.getTimestamp(7).toInstant());
				}
				else {
					delivery.etas().add(new DeliveryOutcome.GivenEta(rs.getTimestamp(5).toInstant(), expectedFrom));
				}
			});
		return promised.values().stream().filter(Promised::planned).map(Promised::outcome).toList();
	}

	/** One delivery's rows while they are read. */
	private static final class Promised {

		private final String carrier;

		private final Instant deliveredAt;

		private final List<DeliveryOutcome.GivenEta> etas = new ArrayList<>();

		private Instant plannedFrom;

		private Instant plannedTo;

		Promised(String carrier, Instant deliveredAt) {
			this.carrier = carrier;
			this.deliveredAt = deliveredAt;
		}

		List<DeliveryOutcome.GivenEta> etas() {
			return this.etas;
		}

		void slot(Instant from, Instant to) {
			this.plannedFrom = from;
			this.plannedTo = to;
		}

		boolean planned() {
			return this.plannedFrom != null;
		}

		DeliveryOutcome outcome() {
			return new DeliveryOutcome(this.carrier, this.deliveredAt, this.plannedFrom, this.plannedTo, this.etas);
		}
	}

	private void insertSample(UUID shipmentId, String source, String band, Instant givenAt, Instant expectedFrom,
			Instant expectedTo, Instant deliveredAt) {
		this.jdbc.sql("""
				INSERT INTO arrival_sample (shipment_id, source, band, given_at, expected_from, expected_to,
				horizon_seconds) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (shipment_id, source) DO NOTHING""")
			.params(shipmentId, source, band, Timestamp.from(givenAt), Timestamp.from(expectedFrom),
					Timestamp.from(expectedTo), Duration.between(givenAt, deliveredAt).toSeconds())
			.update();
	}

	private void forgetCalibrationsAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.bounds.clear();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				ArrivalHistory.this.bounds.clear();
			}
		});
	}
}

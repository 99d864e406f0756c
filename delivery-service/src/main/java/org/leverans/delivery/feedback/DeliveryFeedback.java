package org.leverans.delivery.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.delivery.shipment.Shipment;
import org.leverans.delivery.shipment.ShipmentStatus;
import org.leverans.delivery.shipment.Shipments;
import org.leverans.web.caller.Caller;
import org.leverans.web.input.CheckedBodies;
import org.leverans.web.problem.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receivers' ratings of the deliveries to their sites. Only a receiver at the shipment's site may rate it, and only
 * once it is delivered; rating again replaces their earlier rating, so a retried request never counts twice.
 */
@Component
class DeliveryFeedback {

	private static final int HISTORY_SIZE = 100;

	private final Shipments shipments;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CheckedBodies bodies;

	DeliveryFeedback(Shipments shipments, JdbcClient jdbc, Clock clock, CheckedBodies bodies) {
		this.shipments = shipments;
		this.jdbc = jdbc;
		this.clock = clock;
		this.bodies = bodies;
	}

	@Transactional
	Rating rate(Caller receiver, UUID shipmentId, FeedbackRequest request) {
		Shipment shipment = this.shipments.find(shipmentId)
			.filter(s -> receiver.receivesAt(s.siteId()))
			.orElseThrow(() -> ApiProblem.notFound("Shipment " + shipmentId + " does not exist."));
		this.bodies.check(request);
		if (shipment.status() != ShipmentStatus.DELIVERED) {
			throw ApiProblem.conflict("not-delivered", "Not delivered yet",
					"Shipment " + shipment.trackingNumber() + " is " + shipment.status()
							+ "; a delivery can be rated once it is delivered.");
		}
		Rating rating = new Rating(request.onTime(), request.unloadedFine(), blankToNull(request.comment()),
				this.clock.instant());
		this.jdbc.sql("""
				INSERT INTO delivery_feedback (shipment_id, receiver, on_time, unloaded_fine, comment, rated_at)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (shipment_id, receiver) DO UPDATE SET on_time = excluded.on_time,
				    unloaded_fine = excluded.unloaded_fine, comment = excluded.comment, rated_at = excluded.rated_at""")
			.params(shipmentId, receiver.subject(), rating.onTime(), rating.unloadedFine(), rating.comment(),
					Timestamp.from(rating.ratedAt()))
			.update();
		return rating;
	}

	/** The latest deliveries to the receiver's sites, each with the receiver's own rating if they gave one. */
	List<DeliveredShipment> history(Caller receiver) {
		if (receiver.siteIds().isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT s.id, s.order_number, s.carrier, s.tracking_number, s.site_id, s.site_name, s.delivered_at,
				       f.on_time, f.unloaded_fine, f.comment, f.rated_at, s.order_id
				FROM shipment s
				LEFT JOIN delivery_feedback f ON f.shipment_id = s.id AND f.receiver = :receiver
				WHERE s.site_id IN (:sites) AND s.status = 'DELIVERED'
				ORDER BY s.delivered_at DESC, s.id LIMIT :limit""")
			.param("receiver", receiver.subject())
			.param("sites", List.copyOf(receiver.siteIds()))
			.param("limit", HISTORY_SIZE)
			.query((rs, n) -> new DeliveredShipment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), instant(rs, 7), rating(rs), rs.getObject(12, UUID.class)))
			.list();
	}

	private static Rating rating(ResultSet rs) throws SQLException {
		Instant ratedAt = instant(rs, 11);
		return (ratedAt != null) ? new Rating(rs.getBoolean(8), rs.getBoolean(9), rs.getString(10), ratedAt) : null;
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	/** A delivery to one of the receiver's sites, and how they rated it (null until they do). */
	record DeliveredShipment(UUID id, String orderNumber, String carrier, String trackingNumber, UUID siteId,
			String siteName, Instant deliveredAt, Rating feedback, UUID orderId) {
	}
}

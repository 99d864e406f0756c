package org.leverans.notification.arrival;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.WindowConfidence;

/**
 * A shipment's {@code arrival_alert} row with its order number: what both the shared "arriving soon" and the
 * personal ones ({@link ArrivalAlerts}) are made of.
 *
 * @param arrivingAt when the carrier reported ARRIVING, or {@code null}
 */
record ArrivingShipment(UUID shipmentId, UUID orderId, String orderNumber, UUID customerId, UUID siteId,
		String carrier, String trackingNumber, String status, DeliveryWindow window, Instant arrivingAt) {

	/**
	 * Reads a row of {@code arrival_alert a LEFT JOIN known_order k}: a.shipment_id, a.order_id, k.order_number,
	 * a.customer_id, a.site_id, a.carrier, a.tracking_number, a.status, a.window_from, a.window_to,
	 * a.window_basis, a.window_updated_at, a.window_confidence, a.window_samples, a.window_coverage,
	 * a.window_usual_width_minutes and a.arriving_at.
	 */
	static ArrivingShipment row(ResultSet rs, int rowNum) throws SQLException {
		DeliveryWindow window = new DeliveryWindow(instant(rs, "window_from"), instant(rs, "window_to"),
				rs.getString("window_basis"), instant(rs, "window_updated_at"), confidence(rs));
		return new ArrivingShipment(rs.getObject("shipment_id", UUID.class), rs.getObject("order_id", UUID.class),
				rs.getString("order_number"), rs.getObject("customer_id", UUID.class),
				rs.getObject("site_id", UUID.class), rs.getString("carrier"), rs.getString("tracking_number"),
				rs.getString("status"), window, instant(rs, "arriving_at"));
	}

	Set<UUID> siteIds() {
		return (this.siteId != null) ? Set.of(this.siteId) : Set.of();
	}

	/** The {@code data} of its {@code shipment.arriving} message, sent now. */
	ArrivingData data(Instant now) {
		return new ArrivingData(this.orderId, this.orderNumber, this.shipmentId, this.siteId, this.carrier,
				this.trackingNumber, this.status, this.window, ArrivingData.minutesUntil(this.window.from(), now), now);
	}

	/** How sure the window said it was; none for a window from an event written before windows said so. */
	private static WindowConfidence confidence(ResultSet rs) throws SQLException {
		String kind = rs.getString("window_confidence");
		if (kind == null) {
			return null;
		}
		// Read as objects: a window that claims no coverage (DEFAULT_MARGINS) must not come back claiming 0%.
		return new WindowConfidence(kind, rs.getInt("window_samples"), rs.getObject("window_coverage", Double.class),
				rs.getObject("window_usual_width_minutes", Integer.class));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}
}

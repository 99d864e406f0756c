package org.leverans.notification.arrival;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.notification.mail.MailQueue;
import org.leverans.notification.scheduling.RecurringPass;
import org.leverans.notification.stream.StreamEvent;
import org.leverans.notification.stream.StreamEventNames;
import org.leverans.notification.subscription.Subscribers;
import org.leverans.notification.subscription.Subscribers.Recipient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each person their own "arriving soon" e-mail, at their own lead time (theirs, else their site's, else the
 * default) before the shipment's current window starts, or at once when the partner says the truck is arriving.
 * Who gets it is decided when it falls due, so a changed subscription or a moved window counts until then. Each
 * goes once per shipment and person: the {@code arrival_notice} row is inserted in the transaction that plans the
 * e-mail, and its primary key stops a second instance, a second pass or a redelivered event.
 */
@Component
class ArrivalNoticeJob extends RecurringPass {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Subscribers subscribers;

	private final MailQueue mail;

	private final JsonMapper json;

	private final ArrivalAlertProperties properties;

	private final Clock clock;

	ArrivalNoticeJob(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Subscribers subscribers,
			MailQueue mail, JsonMapper json, TaskScheduler scheduler, ArrivalAlertProperties properties, Clock clock) {
		super(scheduler, properties.checkInterval(), "Arrival notice");
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.subscribers = subscribers;
		this.mail = mail;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
	}

	/** @return how many e-mails were planned */
	int sendDue() {
		Integer sent = this.transactions.execute(status -> {
			Instant now = this.clock.instant();
			// Only shipments someone could be due for: the window starts within the longest lead time, or the
			// partner said arriving; and the window has not passed. Another instance's rows are skipped this pass.
			List<OpenShipment> open = this.jdbc.query("""
					SELECT a.shipment_id, a.order_id, k.order_number, a.customer_id, a.site_id, a.carrier,
					       a.tracking_number, a.status, a.window_from, a.window_to, a.window_basis, a.window_updated_at,
					       a.arriving_at
					FROM arrival_alert a LEFT JOIN known_order k ON k.order_id = a.order_id
					WHERE a.cancelled_at IS NULL AND coalesce(a.window_to, a.window_from) >= ?
					  AND (a.arriving_at IS NOT NULL OR a.window_from <= ?)
					ORDER BY a.window_from
					FOR UPDATE OF a SKIP LOCKED""", ArrivalNoticeJob::openShipment, Timestamp.from(now),
					Timestamp.from(now.plus(this.properties.maxLeadTime())));
			int count = 0;
			for (OpenShipment shipment : open) {
				count += notify(shipment, now);
			}
			return count;
		});
		return (sent != null) ? sent : 0;
	}

	private int notify(OpenShipment shipment, Instant now) {
		// Who may see this shipment and wants "arriving soon" by e-mail, asked the way the mail planner asks.
		StreamEvent probe = new StreamEvent(0, StreamEventNames.SHIPMENT_ARRIVING, shipment.customerId(),
				(shipment.siteId() != null) ? Set.of(shipment.siteId()) : Set.of(), "{}", now, shipment.orderId());
		int count = 0;
		for (Recipient recipient : this.subscribers.recipientsOf(probe)) {
			Duration lead = (recipient.arrivalLeadMinutes() != null)
					? Duration.ofMinutes(recipient.arrivalLeadMinutes()) : this.properties.leadTime();
			Instant due = (shipment.arrivingAt() != null) ? shipment.arrivingAt() : shipment.window().from().minus(lead);
			if (due.isAfter(now)) {
				continue;
			}
			int claimed = this.jdbc.update("""
					INSERT INTO arrival_notice (shipment_id, subject, lead_minutes, window_from, sent_at)
					VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", shipment.shipmentId(),
					recipient.subscriber().subject(), lead.toMinutes(), Timestamp.from(shipment.window().from()),
					Timestamp.from(now));
			if (claimed == 1) {
				ArrivingData data = new ArrivingData(shipment.orderId(), shipment.orderNumber(), shipment.shipmentId(),
						shipment.siteId(), shipment.carrier(), shipment.trackingNumber(), shipment.status(),
						shipment.window(), ArrivingData.minutesUntil(shipment.window().from(), now), now);
				this.mail.add(recipient.subscriber(), StreamEventNames.SHIPMENT_ARRIVING,
						this.json.writeValueAsString(data));
				count++;
			}
		}
		return count;
	}

	@Override
	protected void pass() {
		sendDue();
	}

	private static OpenShipment openShipment(ResultSet rs, int rowNum) throws SQLException {
		DeliveryWindow window = new DeliveryWindow(instant(rs, "window_from"), instant(rs, "window_to"),
				rs.getString("window_basis"), instant(rs, "window_updated_at"));
		return new OpenShipment(rs.getObject("shipment_id", UUID.class), rs.getObject("order_id", UUID.class),
				rs.getString("order_number"), rs.getObject("customer_id", UUID.class),
				rs.getObject("site_id", UUID.class), rs.getString("carrier"), rs.getString("tracking_number"),
				rs.getString("status"), window, instant(rs, "arriving_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private record OpenShipment(UUID shipmentId, UUID orderId, String orderNumber, UUID customerId, UUID siteId,
			String carrier, String trackingNumber, String status, DeliveryWindow window, Instant arrivingAt) {
	}
}

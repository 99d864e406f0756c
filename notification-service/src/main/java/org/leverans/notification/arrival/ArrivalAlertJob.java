package org.leverans.notification.arrival;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.leverans.notification.stream.StreamEventNames;
import org.leverans.notification.stream.StreamEvents;
import org.leverans.notification.subscription.ArrivalAlertProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.leverans.notification.scheduling.RecurringPass;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the shared arrival alerts that are due as {@code shipment.arriving} stream messages, at the default lead
 * time: for webhooks and the live stream of everyone whose lead time is the default (each person's e-mail, and the
 * live message of those with a lead time of their own, go at their time, see {@link ArrivalNoticeJob}). Every
 * instance runs it; a due alert is claimed with {@code FOR UPDATE SKIP LOCKED} and marked sent in the transaction
 * that records the message, so each alert goes out once however many instances look.
 */
@Component
class ArrivalAlertJob extends RecurringPass {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final StreamEvents streamEvents;

	private final JsonMapper json;

	private final ArrivalAlertProperties properties;

	private final Clock clock;

	ArrivalAlertJob(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, StreamEvents streamEvents,
			JsonMapper json, TaskScheduler scheduler, ArrivalAlertProperties properties, Clock clock) {
		super(scheduler, properties.checkInterval(), "Arrival alert");
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.streamEvents = streamEvents;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
	}

	/** @return how many alerts were sent */
	int sendDue() {
		Integer sent = this.transactions.execute(status -> {
			Instant now = this.clock.instant();
			List<ArrivingShipment> due = this.jdbc.query("""
					SELECT a.shipment_id, a.order_id, k.order_number, a.customer_id, a.site_id, a.carrier,
					       a.tracking_number, a.status, a.window_from, a.window_to, a.window_basis, a.window_updated_at,
					       a.arriving_at
					FROM arrival_alert a LEFT JOIN known_order k ON k.order_id = a.order_id
					WHERE a.sent_at IS NULL AND a.cancelled_at IS NULL AND a.due_at <= ?
					ORDER BY a.due_at
					LIMIT ?
					FOR UPDATE OF a SKIP LOCKED""", ArrivingShipment::row, Timestamp.from(now),
					this.properties.batchSize());
			int count = 0;
			for (ArrivingShipment alert : due) {
				if (alert.window().to() != null && alert.window().to().isBefore(now)) {
					// The whole window has passed: "arriving soon" would only confuse now.
					this.jdbc.update("UPDATE arrival_alert SET cancelled_at = ?, updated_at = ? WHERE shipment_id = ?",
							Timestamp.from(now), Timestamp.from(now), alert.shipmentId());
					continue;
				}
				send(alert, now);
				count++;
			}
			return count;
		});
		return (sent != null) ? sent : 0;
	}

	private void send(ArrivingShipment alert, Instant now) {
		this.streamEvents.append(StreamEventNames.SHIPMENT_ARRIVING, alert.customerId(), alert.siteIds(),
				alert.orderId(), alert.shipmentId(), "arrival-alert:" + alert.shipmentId(),
				this.json.writeValueAsString(alert.data(now)), now);
		this.jdbc.update("UPDATE arrival_alert SET sent_at = ?, updated_at = ? WHERE shipment_id = ?",
				Timestamp.from(now), Timestamp.from(now), alert.shipmentId());
	}

	@Override
	protected void pass() {
		// What is not sent stays pending, and the next pass sends it.
		int sent;
		do {
			sent = sendDue();
		}
		while (sent == this.properties.batchSize());
	}
}

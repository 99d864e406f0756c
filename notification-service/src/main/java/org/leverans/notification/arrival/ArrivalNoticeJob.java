package org.leverans.notification.arrival;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.leverans.notification.mail.MailQueue;
import org.leverans.notification.scheduling.RecurringPass;
import org.leverans.notification.stream.StreamEvent;
import org.leverans.notification.stream.StreamEventNames;
import org.leverans.notification.stream.StreamEvents;
import org.leverans.notification.subscription.ArrivalAlertProperties;
import org.leverans.notification.subscription.Subscribers.Recipient;
import org.leverans.notification.subscription.Subscribers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each person their own "arriving soon" e-mail, at their own lead time (theirs, else their site's, else the
 * default) before the shipment's current window starts, or at once when the partner says the truck is arriving;
 * and, to those whose lead time is not the default, the live {@code shipment.arriving} as a stream row aimed at
 * them (everyone else gets the shared one of {@link ArrivalAlertJob}). Who gets it is decided when it falls due, so
 * a changed subscription or a moved window counts until then. Each goes once per shipment, person and channel: the
 * {@code arrival_notice} row is inserted in the transaction that plans the e-mail or appends the stream row, and
 * its primary key stops a second instance, a second pass or a redelivered event.
 */
@Component
class ArrivalNoticeJob extends RecurringPass {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Subscribers subscribers;

	private final MailQueue mail;

	private final StreamEvents streamEvents;

	private final JsonMapper json;

	private final ArrivalAlertProperties properties;

	private final Clock clock;

	ArrivalNoticeJob(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Subscribers subscribers,
			MailQueue mail, StreamEvents streamEvents, JsonMapper json, TaskScheduler scheduler,
			ArrivalAlertProperties properties, Clock clock) {
		super(scheduler, properties.checkInterval(), "Arrival notice");
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.subscribers = subscribers;
		this.mail = mail;
		this.streamEvents = streamEvents;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
	}

	/** @return how many e-mails were planned and live messages sent */
	int sendDue() {
		Integer sent = this.transactions.execute(status -> {
			Instant now = this.clock.instant();
			// Only shipments someone could be due for: the window starts within the longest lead time, or the
			// partner said arriving; and the window has not passed. Another instance's rows are skipped this pass.
			List<ArrivingShipment> open = this.jdbc.query("""
					SELECT a.shipment_id, a.order_id, k.order_number, a.customer_id, a.site_id, a.carrier,
					       a.tracking_number, a.status, a.window_from, a.window_to, a.window_basis, a.window_updated_at,
					       a.arriving_at
					FROM arrival_alert a LEFT JOIN known_order k ON k.order_id = a.order_id
					WHERE a.cancelled_at IS NULL AND coalesce(a.window_to, a.window_from) >= ?
					  AND (a.arriving_at IS NOT NULL OR a.window_from <= ?)
					ORDER BY a.window_from
					FOR UPDATE OF a SKIP LOCKED""", ArrivingShipment::row, Timestamp.from(now),
					Timestamp.from(now.plus(this.properties.maxLeadTime())));
			int count = 0;
			for (ArrivingShipment shipment : open) {
				count += notify(shipment, now);
			}
			return count;
		});
		return (sent != null) ? sent : 0;
	}

	private int notify(ArrivingShipment shipment, Instant now) {
		// Who may see this shipment and wants "arriving soon" by e-mail, asked the way the mail planner asks.
		StreamEvent probe = new StreamEvent(0, StreamEventNames.SHIPMENT_ARRIVING, shipment.customerId(),
				shipment.siteIds(), "{}", now, shipment.orderId());
		int count = 0;
		for (Recipient recipient : this.subscribers.recipientsOf(probe)) {
			if (claim(shipment, recipient, Channel.EMAIL, now)) {
				this.mail.add(recipient.subscriber(), StreamEventNames.SHIPMENT_ARRIVING, data(shipment, now));
				count++;
			}
		}
		// Whoever may see it with a lead time of their own gets it on their live stream now, aimed at them; their
		// stream skips the shared one (ArrivalAlertJob) by the same rule, so nobody gets two.
		for (Recipient recipient : this.subscribers.ownArrivalLeadsOf(probe, this.properties.leadTime().toMinutes())) {
			if (claim(shipment, recipient, Channel.LIVE, now)) {
				String subject = recipient.subscriber().subject();
				this.streamEvents.append(StreamEventNames.SHIPMENT_ARRIVING, shipment.customerId(), probe.siteIds(),
						shipment.orderId(), shipment.shipmentId(),
						"arrival-notice:" + shipment.shipmentId() + ":" + subject, data(shipment, now), now, subject);
				count++;
			}
		}
		return count;
	}

	/**
	 * Whether the recipient's notice on this channel is due now and was not sent before: the {@code arrival_notice}
	 * row inserted here makes it once per shipment, person and channel, whatever the instances and passes.
	 */
	private boolean claim(ArrivingShipment shipment, Recipient recipient, Channel channel, Instant now) {
		Duration lead = (recipient.arrivalLeadMinutes() != null) ? Duration.ofMinutes(recipient.arrivalLeadMinutes())
				: this.properties.leadTime();
		Instant due = (shipment.arrivingAt() != null) ? shipment.arrivingAt() : shipment.window().from().minus(lead);
		if (due.isAfter(now)) {
			return false;
		}
		return this.jdbc.update("""
				INSERT INTO arrival_notice (shipment_id, subject, channel, lead_minutes, window_from, sent_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", shipment.shipmentId(),
				recipient.subscriber().subject(), channel.column, lead.toMinutes(),
				Timestamp.from(shipment.window().from()), Timestamp.from(now)) == 1;
	}

	private String data(ArrivingShipment shipment, Instant now) {
		return this.json.writeValueAsString(shipment.data(now));
	}

	/** The values of {@code arrival_notice.channel}. */
	private enum Channel {

		EMAIL("email"), LIVE("live");

		private final String column;

		Channel(String column) {
			this.column = column;
		}

	}

	@Override
	protected void pass() {
		sendDue();
	}
}

package org.leverans.notification.arrival;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.notification.channel.RecurringPass;
import org.leverans.notification.mail.MailQueue;
import org.leverans.notification.stream.RetainedWithStream;
import org.leverans.notification.stream.StreamEvent;
import org.leverans.notification.stream.StreamEventNames;
import org.leverans.notification.stream.StreamEvents;
import org.leverans.notification.subscription.ArrivalAlertProperties;
import org.leverans.notification.subscription.Subscribers;
import org.leverans.notification.subscription.Subscribers.Recipient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the "arriving soon" alerts that are due, every {@code check-interval} on every instance, from one read of
 * the shipments someone could be due for ({@code arrival_alert}, kept by {@link ArrivalPlanner}). Each alert goes
 * into a channel's queue, which sends it like any other message:
 * <ul>
 * <li>the shared {@code shipment.arriving}, at the default lead time before the window starts: a stream row, for the
 * live stream of everyone whose lead time is the default and for webhooks; marked sent in the same transaction;</li>
 * <li>each person's e-mail, at their own lead time (theirs, else their site's, else the default);</li>
 * <li>for whoever may see the shipment with a lead time other than the default, their own live
 * {@code shipment.arriving}: a stream row aimed at them. Their stream skips the shared row by the same rule
 * ({@code Subscribers.ownArrivalLeadsOf}), so nobody gets two.</li>
 * </ul>
 * A partner's ARRIVING makes every alert of the shipment due at once. Who gets what is decided when it falls due, so
 * a changed subscription or a moved window counts until then. Each personal alert goes once per shipment, person and
 * channel: the {@code arrival_notice} row is inserted in the transaction that queues it, and its primary key stops
 * a second instance, a second pass or a redelivered event. Rows another instance is working on are skipped
 * ({@code FOR UPDATE SKIP LOCKED}) until its next pass.
 */
@Component
class ArrivalAlerts extends RecurringPass implements RetainedWithStream {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Subscribers subscribers;

	private final MailQueue mail;

	private final StreamEvents streamEvents;

	private final JsonMapper json;

	private final ArrivalAlertProperties properties;

	private final Clock clock;

	ArrivalAlerts(JdbcClient jdbc, PlatformTransactionManager transactionManager, Subscribers subscribers,
			MailQueue mail, StreamEvents streamEvents, JsonMapper json, TaskScheduler scheduler,
			ArrivalAlertProperties properties, Clock clock) {
		super(scheduler, properties.checkInterval(), "Arrival alert");
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.subscribers = subscribers;
		this.mail = mail;
		this.streamEvents = streamEvents;
		this.json = json;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	protected void pass() {
		sendDue();
	}

	/** @return how many alerts were queued, shared and personal */
	int sendDue() {
		Instant now = this.clock.instant();
		int sent = 0;
		Page page = new Page(Instant.EPOCH, new UUID(0, 0), 0, 0);
		do {
			Page after = page;
			page = this.transactions.execute(status -> sendDue(after, now));
			sent += page.sent();
		}
		while (page.read() == this.properties.batchSize());
		return sent;
	}

	/** One page of the shipments someone could be due for, in window order, after the last one of {@code after}. */
	private Page sendDue(Page after, Instant now) {
		// The shared alert is due; or the window has not passed and starts within the longest lead time, or the
		// partner said arriving.
		List<Due> due = this.jdbc.sql("""
				SELECT a.shipment_id, a.order_id, k.order_number, a.customer_id, a.site_id, a.carrier,
				       a.tracking_number, a.status, a.window_from, a.window_to, a.window_basis, a.window_updated_at,
				       a.window_confidence, a.window_samples, a.window_coverage, a.window_usual_width_minutes,
				       a.arriving_at,
				       a.sent_at IS NULL AND a.due_at <= :now AS shared_due
				FROM arrival_alert a LEFT JOIN known_order k ON k.order_id = a.order_id
				WHERE a.cancelled_at IS NULL
				  AND ((a.sent_at IS NULL AND a.due_at <= :now)
				       OR (coalesce(a.window_to, a.window_from) >= :now
				           AND (a.arriving_at IS NOT NULL OR a.window_from <= :horizon)))
				  AND (a.window_from, a.shipment_id) > (:afterFrom, :afterShipment)
				ORDER BY a.window_from, a.shipment_id
				LIMIT :batch
				FOR UPDATE OF a SKIP LOCKED""")
			.param("now", Timestamp.from(now))
			.param("horizon", Timestamp.from(horizon(now)))
			.param("afterFrom", Timestamp.from(after.windowFrom()))
			.param("afterShipment", after.shipmentId())
			.param("batch", this.properties.batchSize())
			.query((rs, n) -> new Due(ArrivingShipment.row(rs, n), rs.getBoolean("shared_due")))
			.list();
		if (due.isEmpty()) {
			return new Page(after.windowFrom(), after.shipmentId(), 0, 0);
		}
		int sent = 0;
		for (Due alert : due) {
			sent += send(alert, now);
		}
		ArrivingShipment last = due.getLast().shipment();
		return new Page(last.window().from(), last.shipmentId(), due.size(), sent);
	}

	private int send(Due alert, Instant now) {
		ArrivingShipment shipment = alert.shipment();
		Instant from = shipment.window().from();
		Instant to = shipment.window().to();
		int sent = 0;
		if (alert.sharedDue()) {
			if (to != null && to.isBefore(now)) {
				// The whole window has passed: "arriving soon" would only confuse now.
				this.jdbc.sql("UPDATE arrival_alert SET cancelled_at = ?, updated_at = ? WHERE shipment_id = ?")
					.params(Timestamp.from(now), Timestamp.from(now), shipment.shipmentId())
					.update();
				return 0;
			}
			sendShared(shipment, now);
			sent++;
		}
		boolean passed = ((to != null) ? to : from).isBefore(now);
		if (!passed && (shipment.arrivingAt() != null || !from.isAfter(horizon(now)))) {
			sent += sendPersonal(shipment, now);
		}
		return sent;
	}

	private void sendShared(ArrivingShipment shipment, Instant now) {
		this.streamEvents.append(StreamEventNames.SHIPMENT_ARRIVING, shipment.customerId(), shipment.siteIds(),
				shipment.orderId(), shipment.shipmentId(), "arrival-alert:" + shipment.shipmentId(),
				data(shipment, now), now);
		this.jdbc.sql("UPDATE arrival_alert SET sent_at = ?, updated_at = ? WHERE shipment_id = ?")
			.params(Timestamp.from(now), Timestamp.from(now), shipment.shipmentId())
			.update();
	}

	private int sendPersonal(ArrivingShipment shipment, Instant now) {
		// Who may see this shipment and wants "arriving soon" by e-mail, asked the way the mail planner asks.
		StreamEvent probe = new StreamEvent(0, StreamEventNames.SHIPMENT_ARRIVING, shipment.customerId(),
				shipment.siteIds(), "{}", now, shipment.orderId());
		int sent = 0;
		for (Recipient recipient : this.subscribers.recipientsOf(probe)) {
			if (claim(shipment, recipient, Channel.EMAIL, now)) {
				this.mail.add(recipient.subscriber(), StreamEventNames.SHIPMENT_ARRIVING, data(shipment, now));
				sent++;
			}
		}
		for (Recipient recipient : this.subscribers.ownArrivalLeadsOf(probe, this.properties.leadTime().toMinutes())) {
			if (claim(shipment, recipient, Channel.LIVE, now)) {
				String subject = recipient.subscriber().subject();
				this.streamEvents.append(StreamEventNames.SHIPMENT_ARRIVING, shipment.customerId(), probe.siteIds(),
						shipment.orderId(), shipment.shipmentId(),
						"arrival-notice:" + shipment.shipmentId() + ":" + subject, data(shipment, now), now, subject);
				sent++;
			}
		}
		return sent;
	}

	/**
	 * Whether the recipient's alert on this channel is due now and was not sent before: the {@code arrival_notice}
	 * row inserted here makes it once per shipment, person and channel, whatever the instances and passes.
	 */
	private boolean claim(ArrivingShipment shipment, Recipient recipient, Channel channel, Instant now) {
		Duration lead = (recipient.arrivalLeadMinutes() != null) ? Duration.ofMinutes(recipient.arrivalLeadMinutes())
				: this.properties.leadTime();
		Instant due = (shipment.arrivingAt() != null) ? shipment.arrivingAt() : shipment.window().from().minus(lead);
		if (due.isAfter(now)) {
			return false;
		}
		return this.jdbc.sql("""
				INSERT INTO arrival_notice (shipment_id, subject, channel, lead_minutes, window_from, sent_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(shipment.shipmentId(), recipient.subscriber().subject(), channel.column, lead.toMinutes(),
					Timestamp.from(shipment.window().from()), Timestamp.from(now))
			.update() == 1;
	}

	/** No one's lead time is longer: a window starting later is no one's alert yet. */
	private Instant horizon(Instant now) {
		return now.plus(this.properties.maxLeadTime());
	}

	private String data(ArrivingShipment shipment, Instant now) {
		return this.json.writeValueAsString(shipment.data(now));
	}

	/** Alerts that were sent or withdrawn go with the stream rows of their time. */
	@Override
	public void forgetFinishedBefore(Instant before) {
		this.jdbc.sql("""
				DELETE FROM arrival_alert WHERE (sent_at IS NOT NULL OR cancelled_at IS NOT NULL) AND updated_at < ?""")
			.params(Timestamp.from(before))
			.update();
	}

	private record Due(ArrivingShipment shipment, boolean sharedDue) {
	}

	/** How far a pass has read: the last shipment of a page, in window order. */
	private record Page(Instant windowFrom, UUID shipmentId, int read, int sent) {
	}

	/** The values of {@code arrival_notice.channel}. */
	private enum Channel {

		EMAIL("email"), LIVE("live");

		private final String column;

		Channel(String column) {
			this.column = column;
		}

	}
}

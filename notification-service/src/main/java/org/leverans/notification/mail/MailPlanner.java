package org.leverans.notification.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.leverans.notification.stream.StreamEvent;
import org.leverans.notification.stream.StreamEventNames;
import org.leverans.notification.stream.StreamEvents;
import org.leverans.notification.subscription.Subscriber;
import org.leverans.notification.subscription.Subscribers;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows the stream's recorded changes and plans one e-mail per change for each person who may see it and asked
 * for it. The cursor row is locked for the pass, so one instance plans at a time and the cursor moves in the same
 * transaction as the planned e-mails: nothing is planned twice or skipped.
 */
@Component
class MailPlanner {

	private static final int BATCH = 200;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final StreamEvents streamEvents;

	private final Subscribers subscribers;

	private final Clock clock;

	MailPlanner(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, StreamEvents streamEvents,
			Subscribers subscribers, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.streamEvents = streamEvents;
		this.subscribers = subscribers;
		this.clock = clock;
	}

	/** @return how many stream events this pass read; {@code -1} if another instance holds the cursor */
	int plan() {
		Integer read = this.transactions.execute(status -> {
			List<Long> cursor = this.jdbc.queryForList(
					"SELECT last_stream_event_id FROM mail_cursor WHERE id = 1 FOR UPDATE SKIP LOCKED", Long.class);
			if (cursor.isEmpty()) {
				return -1;
			}
			List<StreamEvent> events = this.streamEvents.after(cursor.getFirst(), BATCH);
			Timestamp now = Timestamp.from(this.clock.instant());
			for (StreamEvent event : events) {
				if (event.aimed() || StreamEventNames.SHIPMENT_ARRIVING.equals(event.name())) {
					// Each person's "arriving soon" e-mail goes at their own lead time (arrival.ArrivalNoticeJob),
					// not with a stream alert, shared or aimed at one person's live stream.
					continue;
				}
				for (Subscriber recipient : this.subscribers.emailRecipientsOf(event)) {
					this.jdbc.update("""
							INSERT INTO mail_delivery (stream_event_id, subject, recipient, locale, event_name, data,
							                           status, next_attempt_at, created_at)
							VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
							ON CONFLICT (stream_event_id, subject) DO NOTHING""", event.id(), recipient.subject(),
							recipient.email(), recipient.locale(), event.name(), event.data(), now, now);
				}
			}
			if (!events.isEmpty()) {
				this.jdbc.update("UPDATE mail_cursor SET last_stream_event_id = ? WHERE id = 1",
						events.getLast().id());
			}
			return events.size();
		});
		return (read != null) ? read : 0;
	}

}

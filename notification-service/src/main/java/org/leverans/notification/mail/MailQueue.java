package org.leverans.notification.mail;

import java.sql.Timestamp;
import java.time.Clock;

import org.leverans.notification.subscription.Subscriber;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans an e-mail that no subscription asked for but someone must get, such as the notice that their webhook
 * endpoint was disabled. It is sent like every other e-mail (retries, templates, one per recipient and event).
 */
@Component
public class MailQueue {

	private final JdbcClient jdbc;

	private final Clock clock;

	MailQueue(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Plans an e-mail that is not about one stream row, such as a person's own "arriving soon" alert; the caller
	 * keeps it unique (for arrivals, {@code arrival_notice}).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void add(Subscriber recipient, String eventName, String data) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				INSERT INTO mail_delivery (subject, recipient, locale, event_name, data, status, next_attempt_at,
				                           created_at)
				VALUES (?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
			.params(recipient.subject(), recipient.email(), recipient.locale(), eventName, data, now, now)
			.update();
	}

	/** @param streamEventId the recorded change the e-mail is about; with the recipient it makes the e-mail unique */
	@Transactional(propagation = Propagation.MANDATORY)
	public void add(long streamEventId, Subscriber recipient, String eventName, String data) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				INSERT INTO mail_delivery (stream_event_id, subject, recipient, locale, event_name, data, status,
				                           next_attempt_at, created_at)
				VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
				ON CONFLICT (stream_event_id, subject) DO NOTHING""")
			.params(streamEventId, recipient.subject(), recipient.email(), recipient.locale(), eventName, data, now,
					now)
			.update();
	}
}

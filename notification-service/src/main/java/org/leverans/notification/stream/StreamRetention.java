package org.leverans.notification.stream;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets stream rows older than the retention (a client away longer than that resumes from what is left), and
 * the finished e-mails, webhook messages and alerts made from them.
 */
@Component
class StreamRetention {

	private static final Logger logger = LoggerFactory.getLogger(StreamRetention.class);

	private final StreamEvents streamEvents;

	private final JdbcTemplate jdbc;

	private final StreamProperties properties;

	private final Clock clock;

	StreamRetention(StreamEvents streamEvents, JdbcTemplate jdbc, StreamProperties properties, Clock clock) {
		this.streamEvents = streamEvents;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	// Every instance may run it: deleting what is already deleted costs nothing.
	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
	void purge() {
		Instant before = this.clock.instant().minus(this.properties.retention());
		Timestamp cutoff = Timestamp.from(before);
		this.jdbc.update("DELETE FROM mail_delivery WHERE status <> 'PENDING' AND created_at < ?", cutoff);
		this.jdbc.update("DELETE FROM webhook_delivery WHERE status <> 'PENDING' AND created_at < ?", cutoff);
		this.jdbc.update("DELETE FROM arrival_alert WHERE (sent_at IS NOT NULL OR cancelled_at IS NOT NULL) "
				+ "AND updated_at < ?", cutoff);
		int deleted = this.streamEvents.deleteCreatedBefore(before);
		if (deleted > 0) {
			logger.info("Forgot {} stream events older than {}", deleted, this.properties.retention());
		}
	}
}

package org.leverans.notification.stream;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets stream rows older than the retention (a client away longer than that resumes from what is left), and
 * the finished e-mails, webhook messages and alerts made from them ({@link RetainedWithStream}).
 */
@Component
class StreamRetention {

	private static final Logger logger = LoggerFactory.getLogger(StreamRetention.class);

	private final StreamEvents streamEvents;

	private final List<RetainedWithStream> madeFromRows;

	private final StreamProperties properties;

	private final Clock clock;

	StreamRetention(StreamEvents streamEvents, List<RetainedWithStream> madeFromRows, StreamProperties properties,
			Clock clock) {
		this.streamEvents = streamEvents;
		this.madeFromRows = madeFromRows;
		this.properties = properties;
		this.clock = clock;
	}

	// Every instance may run it: deleting what is already deleted costs nothing.
	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
	void purge() {
		Instant before = this.clock.instant().minus(this.properties.retention());
		for (RetainedWithStream rows : this.madeFromRows) {
			rows.forgetFinishedBefore(before);
		}
		int deleted = this.streamEvents.deleteCreatedBefore(before);
		if (deleted > 0) {
			logger.info("Forgot {} stream events older than {}", deleted, this.properties.retention());
		}
	}
}

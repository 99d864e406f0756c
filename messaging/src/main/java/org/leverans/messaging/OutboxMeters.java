package org.leverans.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far the outbox relay is behind: the events committed but not yet sent, and how long the oldest of them has
 * waited. A backlog that grows, or an age past a few seconds, means Kafka or the relay is stuck while the service
 * still takes orders. Both come from one query per scrape (the partial index on unsent rows keeps it cheap).
 */
class OutboxMeters implements MeterBinder {

	/** Two gauges read at one scrape share one query. */
	private static final Duration FRESH_FOR = Duration.ofSeconds(1);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private volatile Backlog last = new Backlog(Instant.MIN, Double.NaN, Double.NaN);

	OutboxMeters(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("leverans.outbox.backlog", this, (meters) -> meters.backlog().events())
			.description("Events committed to the outbox and not yet sent to Kafka")
			.register(registry);
		Gauge.builder("leverans.outbox.oldest.age", this, (meters) -> meters.backlog().oldestAgeSeconds())
			.description("How long the oldest unsent outbox event has waited (0 when none waits)")
			.baseUnit("seconds")
			.register(registry);
	}

	Backlog backlog() {
		Instant now = this.clock.instant();
		Backlog current = this.last;
		if (current.readAt().plus(FRESH_FOR).isAfter(now)) {
			return current;
		}
		Backlog read;
		try {
			read = this.jdbc.queryForObject(
					"SELECT count(*), min(occurred_at) FROM messaging.outbox_event WHERE sent_at IS NULL",
					(rs, n) -> {
						Timestamp oldest = rs.getTimestamp(2);
						double age = (oldest != null)
								? Math.max(0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0) : 0;
						return new Backlog(now, rs.getLong(1), age);
					});
		}
		catch (DataAccessException ex) {
			// The database is away: no reading, rather than a made-up zero.
			read = new Backlog(now, Double.NaN, Double.NaN);
		}
		this.last = read;
		return read;
	}

	record Backlog(Instant readAt, double events, double oldestAgeSeconds) {
	}
}

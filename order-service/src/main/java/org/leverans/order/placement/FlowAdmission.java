package org.leverans.order.placement;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

import org.leverans.order.OrderProperties;
import org.leverans.web.problem.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses new orders while too many placed orders still wait for validation and credit. Past what the flow can
 * decide, admitting more only lengthens the queue: every order then waits longer for its answer, and a buyer waits
 * for a confirmation that comes minutes late. A quick {@code 503} with {@code Retry-After} lets the client come back
 * when the flow has caught up (a retry with the same {@code Idempotency-Key} is safe). The count is the database's,
 * so every instance of order-service sees the same flow; it is read at most every {@code refresh}. It is not the
 * {@code leverans.orders} gauge's grouped count of every status: that scans all orders once per scrape, while this
 * runs on the placement path and counts only the undecided ones, from their partial index.
 */
@Component
class FlowAdmission {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final OrderProperties.Admission settings;

	private final ReentrantLock reading = new ReentrantLock();

	private volatile Reading last = new Reading(Instant.MIN, 0);

	FlowAdmission(JdbcClient jdbc, Clock clock, OrderProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = properties.admission();
	}

	/** @throws ApiProblem {@code 503} while the flow holds more undecided orders than it may */
	void admit() {
		long undecided = undecided();
		if (undecided >= this.settings.maxUndecided()) {
			throw ApiProblem.unavailable("The platform is still deciding " + undecided
					+ " orders placed before this one; try again shortly.", this.settings.retryAfter());
		}
	}

	private long undecided() {
		Instant now = this.clock.instant();
		Reading reading = this.last;
		if (reading.at().plus(this.settings.refresh()).isAfter(now)) {
			return reading.undecided();
		}
		// One request reads for all; the others take the last reading rather than queue for the database.
		if (!this.reading.tryLock()) {
			return reading.undecided();
		}
		try {
			long undecided = this.jdbc
				.sql("SELECT count(*) FROM customer_order WHERE status IN ('PLACED', 'VALIDATED')")
				.query(Long.class)
				.single();
			this.last = new Reading(now, undecided);
			return undecided;
		}
		finally {
			this.reading.unlock();
		}
	}

	private record Reading(Instant at, long undecided) {
	}
}

package org.leverans.order.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.leverans.order.core.OrderStatus;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many orders are in each status now ({@code leverans.orders}): the order flow at a glance, e.g. orders piling
 * up in PLACED when agreement-service or credit-service stops answering. One grouped count per scrape serves every
 * status's gauge.
 */
@Component
class OrdersByStatus implements MeterBinder {

	private static final Duration FRESH_FOR = Duration.ofSeconds(1);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private volatile Counts last = new Counts(Instant.MIN, Map.of());

	OrdersByStatus(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (OrderStatus status : OrderStatus.values()) {
			Gauge.builder("leverans.orders", this, (orders) -> orders.count(status))
				.description("Orders in each status")
				.tag("status", status.name())
				.register(registry);
		}
	}

	double count(OrderStatus status) {
		Counts counts = current();
		if (counts.byStatus() == null) {
			return Double.NaN;
		}
		return counts.byStatus().getOrDefault(status, 0L);
	}

	private Counts current() {
		Instant now = this.clock.instant();
		Counts counts = this.last;
		if (counts.readAt().plus(FRESH_FOR).isAfter(now)) {
			return counts;
		}
		Map<OrderStatus, Long> byStatus = new EnumMap<>(OrderStatus.class);
		try {
			this.jdbc.query("SELECT status, count(*) FROM customer_order GROUP BY status",
					(rs) -> {
						byStatus.put(OrderStatus.valueOf(rs.getString(1)), rs.getLong(2));
					});
			counts = new Counts(now, byStatus);
		}
		catch (DataAccessException ex) {
			// The database is away: no reading rather than a made-up zero.
			counts = new Counts(now, null);
		}
		this.last = counts;
		return counts;
	}

	private record Counts(Instant readAt, Map<OrderStatus, Long> byStatus) {
	}
}

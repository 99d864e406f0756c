package org.leverans.order.placement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.leverans.order.OrderProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys, per caller: the fingerprint of the first request and the answer it got. Kept for
 * {@code leverans.orders.idempotency-key-retention} (at least 24 h), then forgotten.
 */
@Repository
class IdempotencyKeys {

	private static final Logger logger = LoggerFactory.getLogger(IdempotencyKeys.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final OrderProperties properties;

	IdempotencyKeys(JdbcClient jdbc, Clock clock, OrderProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	Optional<StoredAnswer> find(String caller, String key) {
		return this.jdbc.sql("""
				SELECT request_hash, order_id, response_status, response_body, location
				FROM idempotency_key WHERE caller = ? AND idempotency_key = ?""")
			.params(caller, key)
			.query((rs, n) -> new StoredAnswer(rs.getString(1), rs.getObject(2, UUID.class), rs.getInt(3),
					rs.getString(4), rs.getString(5)))
			.optional();
	}

	/** @return {@code false} if another request with this key got there first */
	boolean claim(String caller, String key, StoredAnswer answer, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO idempotency_key (caller, idempotency_key, request_hash, order_id, response_status,
				    response_body, location, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(caller, key, answer.requestHash(), answer.orderId(), answer.status(), answer.body(),
					answer.location(), Timestamp.from(at))
			.update() == 1;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void forgetExpired() {
		int forgotten = this.jdbc.sql("DELETE FROM idempotency_key WHERE created_at < ?")
			.param(Timestamp.from(this.clock.instant().minus(this.properties.idempotencyKeyRetention())))
			.update();
		if (forgotten > 0) {
			logger.info("Forgot {} expired idempotency keys", forgotten);
		}
	}

	record StoredAnswer(String requestHash, UUID orderId, int status, String body, String location) {
	}
}

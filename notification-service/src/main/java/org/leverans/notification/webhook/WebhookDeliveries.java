package org.leverans.notification.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** The delivery log: {@code webhook_delivery} with each message's tries from {@code webhook_attempt}. */
@Repository
class WebhookDeliveries {

	static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "FAILED", "CANCELLED");

	private static final String COLUMNS = """
			id, message_id, payload::json->>'type' AS event_type, status, attempts, created_at, next_attempt_at,
			delivered_at, last_status_code, redelivery_requested_at""";

	private final JdbcClient jdbc;

	WebhookDeliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An endpoint's messages, newest first, with their tries oldest first.
	 *
	 * @param status only those in this status, or {@code null} for every one
	 * @param beforeId only those older than this delivery (the next page), or {@code null}
	 */
	List<WebhookDelivery> list(UUID endpointId, String status, Long beforeId, int limit) {
		List<Object> args = new ArrayList<>(List.of(endpointId));
		StringBuilder where = new StringBuilder("endpoint_id = ?");
		if (status != null) {
			where.append(" AND status = ?");
			args.add(status);
		}
		if (beforeId != null) {
			where.append(" AND id < ?");
			args.add(beforeId);
		}
		args.add(limit);
		List<WebhookDelivery> deliveries = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM webhook_delivery WHERE " + where + " ORDER BY id DESC LIMIT ?")
			.params(args.toArray())
			.query(WebhookDeliveries::row)
			.list();
		return withAttempts(deliveries);
	}

	Optional<WebhookDelivery> find(UUID endpointId, long id) {
		return withAttempts(this.jdbc
			.sql("SELECT " + COLUMNS + " FROM webhook_delivery WHERE endpoint_id = ? AND id = ?")
			.params(endpointId, id)
			.query(WebhookDeliveries::row)
			.list())
			.stream()
			.findFirst();
	}

	/**
	 * Asks for one more try of a finished message, due at once, with the same id and body. Messages still in their
	 * retry schedule are left alone (one may be on its way this moment).
	 *
	 * @return whether the message was finished and is now due again
	 */
	boolean requestRedelivery(UUID endpointId, long id, Instant at) {
		return this.jdbc.sql("""
				UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = ?, redelivery_requested_at = ?
				WHERE endpoint_id = ? AND id = ? AND status IN ('DELIVERED', 'FAILED')""")
			.params(Timestamp.from(at), Timestamp.from(at), endpointId, id)
			.update() == 1;
	}

	private List<WebhookDelivery> withAttempts(List<WebhookDelivery> deliveries) {
		if (deliveries.isEmpty()) {
			return deliveries;
		}
		Map<Long, List<WebhookDelivery.Attempt>> attempts = new LinkedHashMap<>();
		String ids = deliveries.stream()
			.map(delivery -> Long.toString(delivery.id()))
			.collect(Collectors.joining(",", "{", "}"));
		this.jdbc.sql("""
				SELECT delivery_id, attempted_at, duration_ms, status_code, response_excerpt, error, manual
				FROM webhook_attempt WHERE delivery_id = ANY(?::bigint[]) ORDER BY id""")
			.params(ids)
			.query((RowCallbackHandler) rs -> {
			attempts.computeIfAbsent(rs.getLong("delivery_id"), (key) -> new ArrayList<>())
				.add(new WebhookDelivery.Attempt(rs.getTimestamp("attempted_at").toInstant(), rs.getInt("duration_ms"),
						(Integer) rs.getObject("status_code"), rs.getString("response_excerpt"), rs.getString("error"),
						rs.getBoolean("manual")));
		});
		return deliveries.stream()
			.map(delivery -> delivery.withAttempts(attempts.getOrDefault(delivery.id(), List.of())))
			.toList();
	}

	private static WebhookDelivery row(ResultSet rs, int rowNum) throws SQLException {
		String status = rs.getString("status");
		return new WebhookDelivery(rs.getLong("id"), rs.getString("message_id"), rs.getString("event_type"), status,
				rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
				"PENDING".equals(status) ? rs.getTimestamp("next_attempt_at").toInstant() : null,
				instant(rs, "delivered_at"), (Integer) rs.getObject("last_status_code"),
				instant(rs, "redelivery_requested_at"), List.of());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}
}

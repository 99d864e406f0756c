package org.leverans.notification.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.leverans.notification.PostgresArrays.literal;
import static org.leverans.notification.PostgresArrays.strings;

/** The {@code webhook_endpoint} table. */
@Repository
class WebhookEndpoints {

	private static final String COLUMNS = "id, customer_id, url, events, site_ids, description, created_by, "
			+ "created_at, status, consecutive_failures, disabled_at, disabled_reason, secret_rotated_at, "
			+ "previous_secret_expires_at";

	private final JdbcClient jdbc;

	WebhookEndpoints(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(WebhookEndpoint endpoint, String secret) {
		this.jdbc.sql("""
				INSERT INTO webhook_endpoint (id, customer_id, url, events, site_ids, secret, description, created_by,
				                              created_at)
				VALUES (?, ?, ?, ?::text[], ?::uuid[], ?, ?, ?, ?)""")
			.params(endpoint.id(), endpoint.customerId(), endpoint.url(), literal(endpoint.events()),
					literal(endpoint.siteIds()), secret, endpoint.description(), endpoint.createdBy(),
					Timestamp.from(endpoint.createdAt()))
			.update();
	}

	/** @param customerId {@code null} for every customer's */
	List<WebhookEndpoint> list(UUID customerId) {
		if (customerId == null) {
			return this.jdbc
				.sql("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE deleted_at IS NULL ORDER BY created_at")
				.query(WebhookEndpoints::row)
				.list();
		}
		return this.jdbc.sql("SELECT " + COLUMNS
				+ " FROM webhook_endpoint WHERE deleted_at IS NULL AND customer_id = ? ORDER BY created_at")
			.params(customerId)
			.query(WebhookEndpoints::row)
			.list();
	}

	Optional<WebhookEndpoint> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE deleted_at IS NULL AND id = ?")
			.params(id)
			.query(WebhookEndpoints::row)
			.optional();
	}

	/** Pending messages to a removed endpoint are dropped with it. */
	void remove(UUID id, Instant at) {
		this.jdbc.sql("UPDATE webhook_endpoint SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL")
			.params(Timestamp.from(at), id)
			.update();
		this.jdbc.sql("UPDATE webhook_delivery SET status = 'CANCELLED' WHERE endpoint_id = ? AND status = 'PENDING'")
			.params(id)
			.update();
	}

	/**
	 * Makes {@code secret} the one messages are signed with; the current one keeps signing too until
	 * {@code previousUntil}. A rotation during an overlap drops the oldest secret: only two are ever sent.
	 */
	void rotate(UUID id, String secret, Instant at, Instant previousUntil) {
		this.jdbc.sql("""
				UPDATE webhook_endpoint SET previous_secret = secret, previous_secret_expires_at = ?, secret = ?,
				       secret_rotated_at = ?
				WHERE id = ? AND deleted_at IS NULL""")
			.params(Timestamp.from(previousUntil), secret, Timestamp.from(at), id)
			.update();
	}

	/** Active again: new messages are planned, and the paused ones are sent. */
	void enable(UUID id) {
		this.jdbc.sql("""
				UPDATE webhook_endpoint SET status = 'ACTIVE', consecutive_failures = 0, disabled_at = NULL,
				       disabled_reason = NULL
				WHERE id = ? AND deleted_at IS NULL""")
			.params(id)
			.update();
	}

	private static WebhookEndpoint row(ResultSet rs, int rowNum) throws SQLException {
		return new WebhookEndpoint(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
				rs.getString("url"),
				strings(rs.getArray("events")),
				Arrays.stream((Object[]) rs.getArray("site_ids").getArray()).map(UUID.class::cast).toList(),
				rs.getString("description"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("status"), rs.getInt("consecutive_failures"), instant(rs, "disabled_at"),
				rs.getString("disabled_reason"), instant(rs, "secret_rotated_at"),
				instant(rs, "previous_secret_expires_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}
}

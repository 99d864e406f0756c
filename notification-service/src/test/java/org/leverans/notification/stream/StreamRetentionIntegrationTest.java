package org.leverans.notification.stream;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.notification.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class StreamRetentionIntegrationTest extends IntegrationTest {

	@Autowired
	private StreamRetention retention;

	@Test
	void forgetsRowsOlderThanTheRetentionOnly() {
		UUID old = UUID.randomUUID();
		UUID recent = UUID.randomUUID();
		insert(old, Instant.now().minus(Duration.ofDays(8)));
		insert(recent, Instant.now().minus(Duration.ofDays(6)));

		this.retention.purge();

		assertThat(rowsAbout(old)).isZero();
		assertThat(rowsAbout(recent)).isEqualTo(1);
	}

	@Test
	void forgetsFinishedWebhookMessagesWithTheirTriesAndKeepsPendingOnes() {
		// Disabled, so its pending message stays where it is.
		UUID endpoint = UUID.randomUUID();
		Instant old = Instant.now().minus(Duration.ofDays(8));
		this.jdbc.update("""
				INSERT INTO webhook_endpoint (id, customer_id, url, events, secret, created_by, created_at, status)
				VALUES (?, ?, 'https://hooks.example/in', '{order.status-changed}', 'whsec', 'anna', ?, 'DISABLED')""",
				endpoint, UUID.randomUUID(), Timestamp.from(old));
		long delivered = delivery(endpoint, "DELIVERED", old);
		long pending = delivery(endpoint, "PENDING", old);
		this.jdbc.update("INSERT INTO webhook_attempt (delivery_id, attempted_at, duration_ms, status_code) "
				+ "VALUES (?, ?, 12, 204)", delivered, Timestamp.from(old));
		UUID oldOrder = UUID.randomUUID();
		insert(oldOrder, old);

		this.retention.purge();

		assertThat(this.jdbc.queryForList("SELECT id FROM webhook_delivery WHERE endpoint_id = ?", Long.class,
				endpoint))
			.containsExactly(pending);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM webhook_attempt WHERE delivery_id = ?",
				Integer.class, delivered))
			.isZero();
		assertThat(rowsAbout(oldOrder)).isZero();
	}

	private long delivery(UUID endpoint, String status, Instant createdAt) {
		long streamEventId = Math.abs(UUID.randomUUID().getMostSignificantBits());
		return this.jdbc.queryForObject("""
				INSERT INTO webhook_delivery (endpoint_id, stream_event_id, message_id, payload, status,
				                              next_attempt_at, created_at)
				VALUES (?, ?, ?, '{}', ?, ?, ?) RETURNING id""", Long.class, endpoint, streamEventId,
				"msg_" + streamEventId, status, Timestamp.from(createdAt), Timestamp.from(createdAt));
	}

	private void insert(UUID orderId, Instant createdAt) {
		this.jdbc.update("""
				INSERT INTO stream_event (event_name, customer_id, order_id, source_event_id, data, created_at)
				VALUES ('order.status-changed', ?, ?, ?, '{}', ?)""", UUID.randomUUID(), orderId,
				UUID.randomUUID().toString(), Timestamp.from(createdAt));
	}
}

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

	private void insert(UUID orderId, Instant createdAt) {
		this.jdbc.update("""
				INSERT INTO stream_event (event_name, customer_id, order_id, source_event_id, data, created_at)
				VALUES ('order.status-changed', ?, ?, ?, '{}', ?)""", UUID.randomUUID(), orderId,
				UUID.randomUUID().toString(), Timestamp.from(createdAt));
	}
}

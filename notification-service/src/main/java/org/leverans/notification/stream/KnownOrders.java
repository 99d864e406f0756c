package org.leverans.notification.stream;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the stream has learned about orders from their own events: the order number to show on shipment events
 * and the sites an order delivers to, so receivers can follow status changes of orders coming to their site.
 */
@Repository
class KnownOrders {

	private final JdbcClient jdbc;

	KnownOrders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void remember(UUID orderId, String orderNumber, UUID customerId, Instant at) {
		this.jdbc.sql("""
				INSERT INTO known_order (order_id, order_number, customer_id, updated_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (order_id) DO UPDATE
				SET order_number = coalesce(EXCLUDED.order_number, known_order.order_number),
				    updated_at = EXCLUDED.updated_at""")
			.params(orderId, orderNumber, customerId, Timestamp.from(at))
			.update();
	}

	void addSites(UUID orderId, Collection<UUID> siteIds) {
		for (UUID siteId : Set.copyOf(siteIds.stream().filter(Objects::nonNull).toList())) {
			this.jdbc.sql("INSERT INTO order_site (order_id, site_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
				.params(orderId, siteId)
				.update();
		}
	}

	Set<UUID> sitesOf(UUID orderId) {
		List<UUID> sites = this.jdbc.sql("SELECT site_id FROM order_site WHERE order_id = ?")
			.params(orderId)
			.query(UUID.class)
			.list();
		return sites.stream().collect(Collectors.toUnmodifiableSet());
	}

	String numberOf(UUID orderId) {
		List<String> numbers = this.jdbc.sql("SELECT order_number FROM known_order WHERE order_id = ?")
			.params(orderId)
			.query(String.class)
			.list();
		return numbers.isEmpty() ? null : numbers.getFirst();
	}
}

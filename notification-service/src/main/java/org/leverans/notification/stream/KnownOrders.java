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
 * and the sites an order delivers to, so receivers can follow status changes of orders coming to their site and
 * the claims about them.
 */
@Repository
public class KnownOrders {

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

	/**
	 * Adds the sites of a placed order that the customer's agreement names. A placed order is not validated yet: a
	 * site it names may be another customer's, whose receivers must not see this order.
	 */
	void addCustomerSites(UUID orderId, UUID customerId, Collection<UUID> siteIds) {
		for (UUID siteId : Set.copyOf(siteIds.stream().filter(Objects::nonNull).toList())) {
			this.jdbc.sql("""
					INSERT INTO order_site (order_id, site_id)
					SELECT ?, site_id FROM agreement_site WHERE site_id = ? AND customer_id = ?
					ON CONFLICT DO NOTHING""")
				.params(orderId, siteId, customerId)
				.update();
		}
	}

	/** Adds sites that validation has checked: those of an accepted order and of its shipments. */
	void addSites(UUID orderId, Collection<UUID> siteIds) {
		for (UUID siteId : Set.copyOf(siteIds.stream().filter(Objects::nonNull).toList())) {
			this.jdbc.sql("INSERT INTO order_site (order_id, site_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
				.params(orderId, siteId)
				.update();
		}
	}

	public Set<UUID> sitesOf(UUID orderId) {
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

package org.leverans.notification.stream;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.leverans.messaging.OncePerTransaction;
import org.leverans.messaging.WrittenOncePerTransaction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.leverans.messaging.WrittenOncePerTransaction.column;
import static org.leverans.notification.PostgresArrays.literal;

/**
 * What the stream has learned about orders from their own events: the order number to show on shipment events
 * and the sites an order delivers to, so receivers can follow status changes of orders coming to their site and
 * the claims about them.
 */
@Repository
public class KnownOrders {

	private final JdbcClient jdbc;

	private final WrittenOncePerTransaction<OrderSite> sites;

	/** Each order's number as the transaction knows it: looked up once, then as {@link #remember} stored it. */
	private final OncePerTransaction<UUID, OrderNumber> numbers;

	/**
	 * The numbers the transaction asked for and has not read yet: a carrier's batch brings events for up to hundreds
	 * of orders, and reading each order's number as its event came was a statement per event. They are read
	 * together when the first is needed, as the stream rows showing them are written at commit.
	 */
	private final WrittenOncePerTransaction<OrderNumber> unread;

	KnownOrders(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.sites = WrittenOncePerTransaction.of(this::write);
		this.unread = WrittenOncePerTransaction.of(this::read);
		this.numbers = OncePerTransaction.of(orderId -> {
			OrderNumber number = new OrderNumber(orderId);
			this.unread.add(number);
			return number;
		});
	}

	void remember(UUID orderId, String orderNumber, UUID customerId, Instant at) {
		if (orderNumber != null) {
			// Rows recorded before keep the number the order had then: read what was asked for before it changes.
			this.unread.flush();
		}
		this.jdbc.sql("""
				INSERT INTO known_order (order_id, order_number, customer_id, updated_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (order_id) DO UPDATE
				SET order_number = coalesce(EXCLUDED.order_number, known_order.order_number),
				    updated_at = EXCLUDED.updated_at""")
			.params(orderId, orderNumber, customerId, Timestamp.from(at))
			.update();
		if (orderNumber != null) {
			// A null number keeps the one stored (coalesce), so what the transaction knows of it still holds.
			this.numbers.put(orderId, OrderNumber.known(orderId, orderNumber));
		}
	}

	/**
	 * Adds the sites of a placed order that the customer's agreement names. A placed order is not validated yet: a
	 * site it names may be another customer's, whose receivers must not see this order.
	 */
	void addCustomerSites(UUID orderId, UUID customerId, Collection<UUID> siteIds) {
		for (UUID siteId : Set.copyOf(siteIds.stream().filter(Objects::nonNull).toList())) {
			this.sites.add(new OrderSite(orderId, siteId, customerId));
		}
	}

	/** Adds sites that validation has checked: those of an accepted order and of its shipments. */
	void addSites(UUID orderId, Collection<UUID> siteIds) {
		for (UUID siteId : Set.copyOf(siteIds.stream().filter(Objects::nonNull).toList())) {
			this.sites.add(new OrderSite(orderId, siteId, null));
		}
	}

	/** The sites a transaction added, in one statement: a batch of shipment events adds one per event. */
	private void write(List<OrderSite> added) {
		this.jdbc.sql("""
				INSERT INTO order_site (order_id, site_id)
				SELECT DISTINCT site.order_id::uuid, site.site_id::uuid
				FROM unnest(?::text[], ?::text[], ?::text[]) AS site(order_id, site_id, customer_id)
				WHERE site.customer_id IS NULL
				   OR EXISTS (SELECT 1 FROM agreement_site a
				              WHERE a.site_id = site.site_id::uuid AND a.customer_id = site.customer_id::uuid)
				ON CONFLICT DO NOTHING""")
			.params(column(added, OrderSite::orderId), column(added, OrderSite::siteId),
					column(added, OrderSite::customerId))
			.update();
	}


	/** The sites added so far in this transaction count: what was added is written before they are read. */
	public Set<UUID> sitesOf(UUID orderId) {
		this.sites.flush();
		List<UUID> sites = this.jdbc.sql("SELECT site_id FROM order_site WHERE order_id = ?")
			.params(orderId)
			.query(UUID.class)
			.list();
		return sites.stream().collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * The order's number as it is now, to be had when it is needed: within a transaction the numbers asked for are
	 * read together in one statement when the first of them is needed (as the transaction's stream rows are written),
	 * outside one at once. Rows that show it are written at commit, so they need it no sooner.
	 */
	Supplier<String> numberOf(UUID orderId) {
		OrderNumber number = this.numbers.get(orderId);
		return () -> {
			if (!number.isRead()) {
				this.unread.flush();
			}
			return number.value();
		};
	}

	/** The numbers asked for, in one statement; an order this service never heard of has none. */
	private void read(List<OrderNumber> asked) {
		Map<UUID, String> found = new HashMap<>();
		this.jdbc.sql("SELECT order_id, order_number FROM known_order WHERE order_id = ANY(?::uuid[])")
			.params(literal(asked.stream().map(OrderNumber::orderId).distinct().toList()))
			.query(rs -> {
				found.put(rs.getObject("order_id", UUID.class), rs.getString("order_number"));
			});
		asked.forEach(number -> number.read(found.get(number.orderId())));
	}

	/** @param customerId whose agreement must name the site, or null when validation has checked it */
	private record OrderSite(UUID orderId, UUID siteId, UUID customerId) {
	}
}

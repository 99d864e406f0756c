package org.leverans.notification.stream;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

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

	/**
	 * What the transaction learned of its orders: every order event remembers its order, two or more per order, and
	 * a statement each was most of what an order cost here. Nothing in the transaction reads them back (see
	 * {@link #read}); the service's other readers of {@code known_order} (following an order, arrival alerts, a
	 * site's customers) run in transactions of their own, which see them once committed either way.
	 */
	private final WrittenOncePerTransaction<Remembered> known;

	private final WrittenOncePerTransaction<OrderSite> sites;

	/**
	 * The orders whose sites the transaction's stream rows show, read together as the rows are written at commit:
	 * reading each order's sites as its event came was a statement per event, and writing the sites added so far
	 * before it one more.
	 */
	private final WrittenOncePerTransaction<AskedOfOrder<Set<UUID>>> unreadSites;

	/** Each order's number as the transaction knows it: looked up once, then as {@link #remember} stored it. */
	private final OncePerTransaction<UUID, AskedOfOrder<String>> numbers;

	/**
	 * The numbers the transaction asked for and has not read yet: a carrier's batch brings events for up to hundreds
	 * of orders, and reading each order's number as its event came was a statement per event. They are read
	 * together when the first is needed, as the stream rows showing them are written at commit.
	 */
	private final WrittenOncePerTransaction<AskedOfOrder<String>> unread;

	KnownOrders(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.known = WrittenOncePerTransaction.of(this::writeKnown);
		this.sites = WrittenOncePerTransaction.of(this::write);
		this.unreadSites = WrittenOncePerTransaction.of(this::readSites);
		this.unread = WrittenOncePerTransaction.of(this::read);
		this.numbers = OncePerTransaction.of(orderId -> {
			AskedOfOrder<String> number = new AskedOfOrder<>(orderId);
			this.unread.add(number);
			return number;
		});
	}

	void remember(UUID orderId, String orderNumber, UUID customerId, Instant at) {
		if (orderNumber != null) {
			// Rows recorded before keep the number the order had then: read what was asked for before it changes.
			this.unread.flush();
		}
		this.known.add(new Remembered(orderId, orderNumber, customerId, at));
		if (orderNumber != null) {
			// A null number keeps the one stored (coalesce), so what the transaction knows of it still holds.
			this.numbers.put(orderId, AskedOfOrder.known(orderId, orderNumber));
		}
	}

	/**
	 * What the transaction remembered, in one statement. A statement may not change a row twice, so each order's
	 * remembers are first made into the one row they amount to, as the upserts one after the other would leave it.
	 * Rows go in order id order, so two transactions remembering the same orders wait for each other rather than
	 * deadlock.
	 */
	private void writeKnown(List<Remembered> remembered) {
		Map<UUID, Remembered> byOrder = new LinkedHashMap<>();
		remembered.forEach(order -> byOrder.merge(order.orderId(), order, Remembered::then));
		List<Remembered> orders = List.copyOf(byOrder.values());
		this.jdbc.sql("""
				INSERT INTO known_order (order_id, order_number, customer_id, updated_at)
				SELECT o.order_id::uuid, o.order_number, o.customer_id::uuid, o.updated_at::timestamptz
				FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS o(order_id, order_number, customer_id,
				                                                           updated_at)
				ORDER BY o.order_id::uuid
				ON CONFLICT (order_id) DO UPDATE
				SET order_number = coalesce(EXCLUDED.order_number, known_order.order_number),
				    updated_at = EXCLUDED.updated_at""")
			.params(column(orders, Remembered::orderId), column(orders, Remembered::orderNumber),
					column(orders, Remembered::customerId), column(orders, Remembered::at))
			.update();
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


	/**
	 * The order's sites, to be had when the row showing them is written: within a transaction the sites of every
	 * order asked for are read together in one statement when the first of them is needed (as the transaction's
	 * stream rows are written at commit), after the sites the transaction added are written; outside one at once.
	 * <p>
	 * So a row shows every site its transaction added to the order, also after its own event: a placed order's row
	 * shows the sites its acceptance in the same batch brought. That shows nobody an order they may not see: every
	 * site stored for an order is one whose receivers may follow it ({@link #addSites} takes validated sites only,
	 * {@link #addCustomerSites} only those the customer's agreement names), and they see its later rows anyway. Had
	 * the batch ended between the two events, they would have missed only the earlier row.
	 */
	public Supplier<Set<UUID>> sitesOf(UUID orderId) {
		if (orderId == null) {
			return Set::of;
		}
		AskedOfOrder<Set<UUID>> sites = new AskedOfOrder<>(orderId);
		this.unreadSites.add(sites);
		return () -> {
			if (!sites.isRead()) {
				this.unreadSites.flush();
			}
			return sites.value();
		};
	}

	/** The sites of the orders asked for, in one statement, with what the transaction added so far. */
	private void readSites(List<AskedOfOrder<Set<UUID>>> asked) {
		this.sites.flush();
		Map<UUID, Set<UUID>> found = new HashMap<>();
		this.jdbc.sql("SELECT order_id, site_id FROM order_site WHERE order_id = ANY(?::uuid[])")
			.params(literal(asked.stream().map(AskedOfOrder::orderId).distinct().toList()))
			.query(rs -> {
				found.computeIfAbsent(rs.getObject("order_id", UUID.class), order -> new HashSet<>())
					.add(rs.getObject("site_id", UUID.class));
			});
		asked.forEach(sites -> sites.read(Set.copyOf(found.getOrDefault(sites.orderId(), Set.of()))));
	}

	/**
	 * The order's number as it is now, to be had when it is needed: within a transaction the numbers asked for are
	 * read together in one statement when the first of them is needed (as the transaction's stream rows are written),
	 * outside one at once. Rows that show it are written at commit, so they need it no sooner.
	 */
	Supplier<String> numberOf(UUID orderId) {
		AskedOfOrder<String> number = this.numbers.get(orderId);
		return () -> {
			if (!number.isRead()) {
				this.unread.flush();
			}
			return number.value();
		};
	}

	/**
	 * The numbers asked for, in one statement; an order this service never heard of has none. What the transaction
	 * remembered and has not written yet would not change them: a number it brought is known without a read, and
	 * what was asked for before it was read before it ({@link #remember}); a remember without a number keeps the one
	 * stored. So this needs no {@code known.flush()}, and it does not matter which is written first at commit.
	 */
	private void read(List<AskedOfOrder<String>> asked) {
		Map<UUID, String> found = new HashMap<>();
		this.jdbc.sql("SELECT order_id, order_number FROM known_order WHERE order_id = ANY(?::uuid[])")
			.params(literal(asked.stream().map(AskedOfOrder::orderId).distinct().toList()))
			.query(rs -> {
				found.put(rs.getObject("order_id", UUID.class), rs.getString("order_number"));
			});
		asked.forEach(number -> number.read(found.get(number.orderId())));
	}

	/** What an order event said of its order, as {@link #remember} was told. */
	private record Remembered(UUID orderId, String orderNumber, UUID customerId, Instant at) {

		/**
		 * This and a later remember of the same order as one: the later number unless it has none (coalesce), the
		 * later time, and the first customer (what an insert would have stored; an update does not change it).
		 */
		Remembered then(Remembered later) {
			return new Remembered(this.orderId, (later.orderNumber() != null) ? later.orderNumber() : this.orderNumber,
					this.customerId, later.at());
		}
	}

	/** @param customerId whose agreement must name the site, or null when validation has checked it */
	private record OrderSite(UUID orderId, UUID siteId, UUID customerId) {
	}
}

package org.leverans.order.reminders;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Time to reorder": from a company's own orders, the products each of its sites orders at a steady cadence whose
 * next order is due within the lead, soonest first. Orders that were rejected or cancelled teach nothing. The
 * suggestion only proposes lines; the buyer previews them at today's prices against today's assortment before
 * anything is ordered.
 */
@Component
class ReorderSuggestions {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ReminderProperties properties;

	ReorderSuggestions(JdbcClient jdbc, Clock clock, ReminderProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	List<Suggestion> of(UUID customerId) {
		LocalDate today = LocalDate.now(this.clock.withZone(this.properties.zone()));
		Map<Product, History> histories = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT l.site_id, l.sku, l.quantity, l.package_size, l.name, o.placed_at,
				       (SELECT s ->> 'name' FROM jsonb_array_elements(o.sites) s
				        WHERE s ->> 'siteId' = l.site_id::text LIMIT 1) AS site_name
				FROM customer_order o JOIN order_line l ON l.order_id = o.id
				WHERE o.customer_id = ? AND o.placed_at >= ? AND o.status NOT IN ('REJECTED', 'CANCELLED')
				ORDER BY o.placed_at""")
			.params(customerId, Timestamp.from(this.clock.instant().minus(this.properties.history())))
			.query(rs -> {
				Product product = new Product(rs.getObject("site_id", UUID.class), rs.getString("sku"));
				History history = histories.computeIfAbsent(product, p -> new History());
				history.orders.add(new ReorderCadence.Ordered(
						rs.getTimestamp("placed_at").toInstant().atZone(this.properties.zone()).toLocalDate(),
						rs.getInt("quantity")));
				// The latest order's words win: a product renamed, a site renamed, another package size.
				history.packageSize = rs.getString("package_size");
				history.name = (rs.getString("name") != null) ? rs.getString("name") : history.name;
				history.siteName = (rs.getString("site_name") != null) ? rs.getString("site_name") : history.siteName;
			});
		Map<Product, Answer> answers = answers(customerId);
		int leadDays = (int) this.properties.lead().toDays();
		List<Suggestion> suggestions = new ArrayList<>();
		histories.forEach((product, history) -> ReorderCadence.of(history.orders, this.properties.minOrders())
			.filter(cadence -> cadence.suggestOn(today, leadDays))
			.filter(cadence -> !answers.getOrDefault(product, Answer.NONE).hides(cadence, today))
			.ifPresent(cadence -> suggestions.add(new Suggestion(product.siteId(), history.siteName, product.sku(),
					history.name, cadence.quantity(), history.packageSize, cadence.everyDays(), cadence.lastOrdered(),
					cadence.dueOn()))));
		suggestions.sort(Comparator.comparing(Suggestion::dueOn).thenComparing(Suggestion::sku));
		return suggestions;
	}

	/** Not suggested again until {@code until}. */
	void snooze(UUID customerId, UUID siteId, String sku, LocalDate until) {
		this.jdbc.sql("""
				INSERT INTO reorder_reminder (customer_id, site_id, sku, snoozed_until) VALUES (?, ?, ?, ?)
				ON CONFLICT (customer_id, site_id, sku) DO UPDATE SET snoozed_until = excluded.snoozed_until""")
			.params(customerId, siteId, sku, Date.valueOf(until))
			.update();
	}

	/** Not suggested again until the product is next ordered for the site. */
	void dismiss(UUID customerId, UUID siteId, String sku, LocalDate lastOrdered) {
		this.jdbc.sql("""
				INSERT INTO reorder_reminder (customer_id, site_id, sku, dismissed_cycle) VALUES (?, ?, ?, ?)
				ON CONFLICT (customer_id, site_id, sku) DO UPDATE SET dismissed_cycle = excluded.dismissed_cycle""")
			.params(customerId, siteId, sku, Date.valueOf(lastOrdered))
			.update();
	}

	private Map<Product, Answer> answers(UUID customerId) {
		Map<Product, Answer> answers = new LinkedHashMap<>();
		this.jdbc.sql("SELECT site_id, sku, snoozed_until, dismissed_cycle FROM reorder_reminder WHERE customer_id = ?")
			.param(customerId)
			.query(rs -> {
				Date snoozed = rs.getDate(3);
				Date dismissed = rs.getDate(4);
				answers.put(new Product(rs.getObject(1, UUID.class), rs.getString(2)),
						new Answer((snoozed != null) ? snoozed.toLocalDate() : null,
								(dismissed != null) ? dismissed.toLocalDate() : null));
			});
		return answers;
	}

	private record Product(UUID siteId, String sku) {
	}

	private static final class History {

		private final List<ReorderCadence.Ordered> orders = new ArrayList<>();

		private String packageSize;

		private String name;

		private String siteName;
	}

	/** What the buyer said of a suggestion: snoozed until a day, dismissed for the cycle after an order day. */
	private record Answer(LocalDate snoozedUntil, LocalDate dismissedCycle) {

		static final Answer NONE = new Answer(null, null);

		boolean hides(ReorderCadence cadence, LocalDate today) {
			return (this.snoozedUntil != null && today.isBefore(this.snoozedUntil))
					|| cadence.lastOrdered().equals(this.dismissedCycle);
		}
	}

	/**
	 * A product a site is due to order again.
	 *
	 * @param quantity the usual quantity (the median of its orders)
	 * @param everyDays how many days apart it is usually ordered
	 */
	record Suggestion(UUID siteId, String siteName, String sku, String name, int quantity, String packageSize,
			int everyDays, LocalDate lastOrdered, LocalDate dueOn) {
	}
}

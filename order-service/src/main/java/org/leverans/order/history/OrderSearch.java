package org.leverans.order.history;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.leverans.order.core.OrderStatus;
import org.leverans.order.core.Orders;
import org.leverans.order.core.StoredOrder;
import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Finds orders for lists: a caller's history, or customer service's search. Newest first. */
@Component
public class OrderSearch {

	private final JdbcClient jdbc;

	private final Orders orders;

	private final OrderViews views;

	OrderSearch(JdbcClient jdbc, Orders orders, OrderViews views) {
		this.jdbc = jdbc;
		this.orders = orders;
		this.views = views;
	}

	/**
	 * @param status only orders in one of these statuses (empty: any)
	 * @param from placed on or after this date (UTC)
	 * @param to placed on or before this date (UTC)
	 * @param purchaseOrderNumber the buyer's PO number, case-insensitive
	 * @param siteId only orders with a line for this delivery site
	 * @param customerId staff only: one customer's orders
	 */
	public record Filter(Set<OrderStatus> status, LocalDate from, LocalDate to, String purchaseOrderNumber,
			UUID siteId, UUID customerId) {
	}

	/** The orders the caller may see that match the filter. */
	public OrderPage history(Caller caller, Filter filter, int page, int size) {
		Query query = new Query();
		if (caller.isStaff()) {
			query.where("o.customer_id = :customerId", "customerId", filter.customerId());
		}
		else if (caller.isBuyer()) {
			query.where("o.customer_id = :callerCustomer", "callerCustomer", caller.customerId());
		}
		else if (caller.isReceiver()) {
			query.where("EXISTS (SELECT 1 FROM order_line rl WHERE rl.order_id = o.id AND rl.site_id IN (:callerSites))",
					"callerSites", caller.siteIds());
		}
		else {
			return new OrderPage(List.of(), page, size, 0);
		}
		if (filter.status() != null && !filter.status().isEmpty()) {
			query.where("o.status IN (:statuses)", "statuses", filter.status().stream().map(Enum::name).toList());
		}
		if (filter.from() != null) {
			query.where("o.placed_at >= :from", "from", java.sql.Timestamp.from(
					filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		if (filter.to() != null) {
			query.where("o.placed_at < :to", "to", java.sql.Timestamp.from(
					filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		if (filter.purchaseOrderNumber() != null && !filter.purchaseOrderNumber().isBlank()) {
			query.where("lower(o.purchase_order_number) = lower(:po)", "po", filter.purchaseOrderNumber().strip());
		}
		if (filter.siteId() != null) {
			query.where("EXISTS (SELECT 1 FROM order_line sl WHERE sl.order_id = o.id AND sl.site_id = :siteId)",
					"siteId", filter.siteId());
		}
		return run(query, page, size);
	}

	/** A name search needs this many characters, so one letter does not list every customer's orders. */
	static final int MIN_NAME_LENGTH = 2;

	/**
	 * Customer service's search: an order number (LV-000123, or just 123), a purchase order number, a shipment's
	 * tracking number, an invoice's number (the orders it charges), a customer id, or part of the customer's name
	 * (case-insensitive: "rakennus").
	 */
	public OrderPage support(String q, int page, int size) {
		String term = q.strip();
		Query query = new Query();
		List<String> any = new ArrayList<>();
		any.add("upper(o.order_number) = upper(:term)");
		any.add("lower(o.purchase_order_number) = lower(:term)");
		any.add("EXISTS (SELECT 1 FROM shipment s WHERE s.order_id = o.id AND upper(s.tracking_number) = upper(:term))");
		any.add("EXISTS (SELECT 1 FROM order_invoice i WHERE i.order_id = o.id AND upper(i.invoice_number) = upper(:term))");
		query.params.put("term", term);
		if (term.length() >= MIN_NAME_LENGTH) {
			any.add("lower(o.customer_name) LIKE :namePart ESCAPE '\\'");
			query.params.put("namePart", "%" + likeLiteral(term.toLowerCase(Locale.ROOT)) + "%");
		}
		if (term.matches("\\d{1,9}")) {
			any.add("o.order_number = :numbered");
			query.params.put("numbered", "LV-%06d".formatted(Long.parseLong(term)));
		}
		try {
			UUID id = UUID.fromString(term);
			any.add("o.customer_id = :uuid OR o.id = :uuid");
			query.params.put("uuid", id);
		}
		catch (IllegalArgumentException notAnId) {
			// not a customer or order id; the other criteria still apply
		}
		query.conditions.add("(" + String.join(" OR ", any) + ")");
		return run(query, page, size);
	}

	/** A caller's text matched literally: "50%" or "a_b" must not act as wildcards. */
	private static String likeLiteral(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** Page numbers start at 0; sizes are bounded so one request cannot read everything. */
	public static void checkPage(int page, int size, int maxSize) {
		List<FieldProblem> errors = new ArrayList<>();
		if (page < 0) {
			errors.add(FieldProblem.field("page", "TOO_SMALL", "must be 0 or more"));
		}
		if (size < 1 || size > maxSize) {
			errors.add(FieldProblem.field("size", "INVALID_SIZE", "must be between 1 and " + maxSize));
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.invalid(errors);
		}
	}

	private OrderPage run(Query query, int page, int size) {
		String where = query.conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", query.conditions);
		Long total = this.jdbc.sql("SELECT count(*) FROM customer_order o" + where)
			.params(query.params)
			.query(Long.class)
			.single();
		Map<String, Object> params = new LinkedHashMap<>(query.params);
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<StoredOrder> found = this.jdbc
			.sql("SELECT " + Orders.COLUMNS + " FROM customer_order o"
					+ where + " ORDER BY o.placed_at DESC, o.order_number DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.query(this.orders::order)
			.list();
		return new OrderPage(this.views.summaries(found), page, size, total);
	}

	private static final class Query {

		final List<String> conditions = new ArrayList<>();

		final Map<String, Object> params = new LinkedHashMap<>();

		void where(String condition, String name, Object value) {
			if (value != null) {
				this.conditions.add(condition);
				this.params.put(name, value);
			}
		}
	}
}

package org.leverans.order.core;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.leverans.contracts.Reason;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderLine;
import org.leverans.contracts.order.RequestedDelivery;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.contracts.validation.PaymentTerms;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.contracts.validation.Totals;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The order and order line tables. Callers that change an order first {@link #lock} it. */
@Repository
public class Orders {

	private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
	};

	private static final TypeReference<List<DeliverySite>> SITES = new TypeReference<>() {
	};

	public static final String COLUMNS = """
			id, order_number, customer_id, customer_name, placed_by, placed_at, purchase_order_number, delivery_mode,
			requested_date, requested_from, requested_to, note, status, status_reasons, validation_outcome,
			validation_reasons, credit_outcome, credit_reasons, agreement_id, agreement_number, goods, freight, total,
			currency, payment_terms_code, payment_terms_days, payment_due_date, freight_terms_code, sites,
			shipments_in_order, reordered_from, updated_at, approval_outcome, approval_reasons, approval""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public Orders(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public String nextOrderNumber() {
		Long next = this.jdbc.sql("SELECT nextval('order_number_seq')").query(Long.class).single();
		return "LV-%06d".formatted(next);
	}

	public void insert(UUID id, String orderNumber, UUID customerId, String placedBy, Instant placedAt,
			String purchaseOrderNumber, DeliveryMode deliveryMode, RequestedDelivery requested, String note,
			List<OrderLine> lines, UUID reorderedFrom) {
		this.jdbc.sql("""
				INSERT INTO customer_order (id, order_number, customer_id, placed_by, placed_at, purchase_order_number,
				    delivery_mode, requested_date, requested_from, requested_to, note, status, reordered_from, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, orderNumber, customerId, placedBy, Timestamp.from(placedAt), purchaseOrderNumber,
					deliveryMode.name(), requested.date(), requested.from(), requested.to(), note,
					OrderStatus.PLACED.name(), reorderedFrom, Timestamp.from(placedAt))
			.update();
		for (OrderLine line : lines) {
			this.jdbc.sql("""
					INSERT INTO order_line (order_id, line_no, sku, quantity, package_size, site_id)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(id, line.lineNo(), line.sku(), line.quantity(), line.packageSize(), line.siteId())
				.update();
		}
	}

	public Optional<StoredOrder> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM customer_order WHERE id = ?")
			.param(id)
			.query(this::order)
			.optional();
	}

	/** Reads the order and holds its row lock until the transaction ends, so its changes apply one at a time. */
	public Optional<StoredOrder> lock(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM customer_order WHERE id = ? FOR UPDATE")
			.param(id)
			.query(this::order)
			.optional();
	}

	/**
	 * Locks the orders as {@link #lock} does, all in one statement and in one order (by id), so two transactions that
	 * lock several of the same orders wait for each other rather than deadlock.
	 * @return the orders found, by id
	 */
	public Map<UUID, StoredOrder> lockAll(Collection<UUID> ids) {
		Map<UUID, StoredOrder> locked = new HashMap<>();
		this.jdbc.sql("SELECT " + COLUMNS + " FROM customer_order WHERE id = ANY(?) ORDER BY id FOR UPDATE")
			.param(ids.toArray(UUID[]::new))
			.query(this::order)
			.list()
			.forEach(order -> locked.put(order.id(), order));
		return locked;
	}

	/**
	 * Locks the order as {@link #lock} does, reading only what following its delivery takes. A shipment event needs
	 * no more, and mapping the whole row (its JSON columns above all) was the largest part of applying one.
	 */
	public Optional<OrderInDelivery> lockForDelivery(UUID id) {
		return this.jdbc.sql("SELECT id, status, shipments_in_order FROM customer_order WHERE id = ? FOR UPDATE")
			.param(id)
			.query((rs, row) -> new OrderInDelivery(rs.getObject("id", UUID.class),
					OrderStatus.valueOf(rs.getString("status")), rs.getInt("shipments_in_order")))
			.optional();
	}

	/**
	 * Locks the orders as {@link #lockForDelivery} does, all in one statement and in one order (by id), so two
	 * transactions that lock several of the same orders wait for each other rather than deadlock.
	 * @return the orders found, by id
	 */
	public Map<UUID, OrderInDelivery> lockAllForDelivery(Collection<UUID> ids) {
		Map<UUID, OrderInDelivery> locked = new HashMap<>();
		this.jdbc.sql("""
				SELECT id, status, shipments_in_order FROM customer_order WHERE id = ANY(?) ORDER BY id FOR UPDATE""")
			.param(ids.toArray(UUID[]::new))
			.query((rs, row) -> new OrderInDelivery(rs.getObject("id", UUID.class),
					OrderStatus.valueOf(rs.getString("status")), rs.getInt("shipments_in_order")))
			.list()
			.forEach(order -> locked.put(order.id(), order));
		return locked;
	}

	/** The customer's name as its latest validated order gave it; empty for a customer with none yet. */
	public Optional<String> customerName(UUID customerId) {
		return this.jdbc.sql("""
				SELECT customer_name FROM customer_order WHERE customer_id = ? AND customer_name IS NOT NULL
				ORDER BY placed_at DESC LIMIT 1""")
			.param(customerId)
			.query(String.class)
			.optional();
	}

	public List<StoredLine> lines(UUID orderId) {
		return this.jdbc.sql("""
				SELECT line_no, sku, quantity, package_size, site_id, name, product_group, unit, list_price, unit_price,
				    line_total, available_from
				FROM order_line WHERE order_id = ? ORDER BY line_no""")
			.param(orderId)
			.query((rs, n) -> new StoredLine(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getString(4),
					rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getString(8),
					rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11),
					rs.getObject(12, java.time.LocalDate.class)))
			.list();
	}

	/**
	 * Stores what agreement-service fixed for the order: prices, totals, payment and freight terms and sites, and the
	 * customer's name for customer service's search (kept as it was if the event does not carry one).
	 */
	public void storePricing(OrderValidated validated) {
		Totals totals = validated.totals();
		PaymentTerms terms = validated.paymentTerms();
		this.jdbc.sql("""
				UPDATE customer_order SET agreement_id = ?, agreement_number = ?, goods = ?, freight = ?, total = ?,
				    currency = ?, payment_terms_code = ?, payment_terms_days = ?, payment_due_date = ?,
				    freight_terms_code = ?, sites = ?::jsonb, customer_name = coalesce(?, customer_name)
				WHERE id = ?""")
			.params(validated.agreementId(), validated.agreementNumber(), (totals != null) ? totals.goods() : null,
					(totals != null) ? totals.freight() : null, (totals != null) ? totals.total() : null,
					(totals != null) ? totals.currency() : null, (terms != null) ? terms.code() : null,
					(terms != null) ? terms.days() : null, (terms != null) ? terms.dueDate() : null,
					validated.freightTermsCode(),
					this.json.writeValueAsString((validated.sites() != null) ? validated.sites() : List.of()),
					blankToNull(validated.customerName()), validated.orderId())
			.update();
		if (validated.lines() == null) {
			return;
		}
		for (PricedLine line : validated.lines()) {
			this.jdbc.sql("""
					UPDATE order_line SET name = ?, product_group = ?, unit = ?, list_price = ?, unit_price = ?,
					    line_total = ?, available_from = ?
					WHERE order_id = ? AND line_no = ?""")
				.params(line.name(), line.productGroup(), line.unit(), line.listPrice(), line.unitPrice(),
						line.lineTotal(), line.availableFrom(), validated.orderId(), line.lineNo())
				.update();
		}
	}

	/**
	 * Stores the recorded decisions and, when it changed, the status and why.
	 * @return the order as stored now, with whatever else the transaction stored for it before (its pricing, its
	 * approval): what is announced about it needs no second read
	 */
	public StoredOrder storeProgress(UUID id, OrderProgress progress, List<Reason> statusReasons, Instant at) {
		return this.jdbc.sql("""
				UPDATE customer_order SET status = ?, status_reasons = ?::jsonb, validation_outcome = ?,
				    validation_reasons = ?::jsonb, credit_outcome = ?, credit_reasons = ?::jsonb,
				    approval_outcome = ?, approval_reasons = ?::jsonb, updated_at = ?
				WHERE id = ?
				RETURNING\s""" + COLUMNS)
			.params(progress.status().name(), this.json.writeValueAsString(statusReasons),
					kindOf(progress.validation()), reasonsOf(progress.validation()), kindOf(progress.credit()),
					reasonsOf(progress.credit()), kindOf(progress.approval()), reasonsOf(progress.approval()),
					Timestamp.from(at), id)
			.query(this::order)
			.single();
	}

	public void storeApproval(UUID id, OrderApproval approval) {
		this.jdbc.sql("UPDATE customer_order SET approval = ?::jsonb WHERE id = ?")
			.params(this.json.writeValueAsString(approval), id)
			.update();
	}

	public void storeStatus(UUID id, OrderStatus status, List<Reason> statusReasons, Instant at) {
		this.jdbc.sql("UPDATE customer_order SET status = ?, status_reasons = ?::jsonb, updated_at = ? WHERE id = ?")
			.params(status.name(), this.json.writeValueAsString(statusReasons), Timestamp.from(at), id)
			.update();
	}

	/** @return how many shipments the order has now: a count never goes down, whatever order the events came in */
	public int storeShipmentsInOrder(UUID id, int shipmentsInOrder) {
		return this.jdbc.sql("""
				UPDATE customer_order SET shipments_in_order = greatest(coalesce(shipments_in_order, 0), ?)
				WHERE id = ?
				RETURNING shipments_in_order""").params(shipmentsInOrder, id).query(Integer.class).single();
	}

	private static String blankToNull(String text) {
		return (text != null && !text.isBlank()) ? text.strip() : null;
	}

	private static String kindOf(Outcome outcome) {
		return (outcome != null) ? outcome.kind().name() : null;
	}

	private String reasonsOf(Outcome outcome) {
		return (outcome != null) ? this.json.writeValueAsString(outcome.reasons()) : null;
	}

	private Outcome outcome(String kind, String reasons) {
		return (kind != null) ? Outcome.of(Outcome.Kind.valueOf(kind), reasons(reasons)) : null;
	}

	private List<Reason> reasons(String json) {
		return (json != null) ? this.json.readValue(json, REASONS) : List.of();
	}

	public StoredOrder order(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		String currency = rs.getString("currency");
		Totals totals = (currency != null) ? new Totals(rs.getBigDecimal("goods"), rs.getBigDecimal("freight"),
				rs.getBigDecimal("total"), currency) : null;
		String termsCode = rs.getString("payment_terms_code");
		PaymentTerms terms = (termsCode != null) ? new PaymentTerms(termsCode, rs.getInt("payment_terms_days"),
				rs.getObject("payment_due_date", java.time.LocalDate.class)) : null;
		String sites = rs.getString("sites");
		String approval = rs.getString("approval");
		int shipments = rs.getInt("shipments_in_order");
		Integer shipmentsInOrder = rs.wasNull() ? null : shipments;
		return new StoredOrder(id, rs.getString("order_number"), rs.getObject("customer_id", UUID.class),
				rs.getString("customer_name"), rs.getString("placed_by"), rs.getTimestamp("placed_at").toInstant(),
				rs.getString("purchase_order_number"), DeliveryMode.valueOf(rs.getString("delivery_mode")),
				new RequestedDelivery(rs.getObject("requested_date", java.time.LocalDate.class),
						rs.getObject("requested_from", java.time.LocalTime.class),
						rs.getObject("requested_to", java.time.LocalTime.class)),
				rs.getString("note"),
				new OrderProgress(OrderStatus.valueOf(rs.getString("status")),
						outcome(rs.getString("validation_outcome"), rs.getString("validation_reasons")),
						outcome(rs.getString("credit_outcome"), rs.getString("credit_reasons")),
						outcome(rs.getString("approval_outcome"), rs.getString("approval_reasons"))),
				reasons(rs.getString("status_reasons")), rs.getObject("agreement_id", UUID.class),
				rs.getString("agreement_number"), totals, terms, rs.getString("freight_terms_code"),
				(sites != null) ? this.json.readValue(sites, SITES) : List.of(), shipmentsInOrder,
				rs.getObject("reordered_from", UUID.class), rs.getTimestamp("updated_at").toInstant(),
				(approval != null) ? this.json.readValue(approval, OrderApproval.class) : null);
	}
}

package org.leverans.billing.invoicing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.leverans.billing.invoicing.InvoicingProperties.InvoicingRule;
import org.leverans.contracts.order.OrderAccepted;
import org.leverans.contracts.order.OrderPlaced;
import org.leverans.contracts.shipment.ShipmentLine;
import org.leverans.contracts.shipment.ShipmentPlanned;
import org.leverans.contracts.validation.OrderValidated;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What billing has learnt of orders and their shipments from the order, validation and shipment topics. Each event
 * fills in its own columns, so they may arrive in any order across topics.
 */
@Repository
class OrderFacts {

	private static final TypeReference<List<ShipmentLine>> SHIPMENT_LINES = new TypeReference<>() {
	};

	/** What {@link #lock} and the upserts that lock as they write return of an order. */
	private static final String ORDER_COLUMNS = """
			order_id, customer_id, order_number, placed_by, purchase_order_number, agreement_number, customer_name,
			invoicing_rule, accepted::text AS accepted, cancelled""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	OrderFacts(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void placed(OrderPlaced event) {
		this.jdbc.sql("""
				INSERT INTO billed_order (order_id, customer_id, order_number, placed_by, purchase_order_number)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (order_id) DO UPDATE SET order_number = coalesce(billed_order.order_number,
				    excluded.order_number), placed_by = excluded.placed_by,
				    purchase_order_number = excluded.purchase_order_number""")
			.params(event.orderId(), event.customerId(), event.orderNumber(), event.placedBy(),
					event.purchaseOrderNumber())
			.update();
	}

	/**
	 * @param rule the invoicing rule the event names, or {@code null} for an event from before it did
	 * @return the order as it stands now, locked as {@link #lock} locks it: the upsert holds its row until the
	 * transaction ends, so it needs no second statement to read and lock it
	 */
	BilledOrder validated(OrderValidated event, InvoicingRule rule) {
		return this.jdbc.sql("""
				INSERT INTO billed_order (order_id, customer_id, order_number, agreement_id, agreement_number,
				    customer_name, invoicing_rule)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (order_id) DO UPDATE SET agreement_id = excluded.agreement_id,
				    agreement_number = excluded.agreement_number, customer_name = excluded.customer_name,
				    order_number = coalesce(billed_order.order_number, excluded.order_number),
				    invoicing_rule = excluded.invoicing_rule
				RETURNING\s""" + ORDER_COLUMNS)
			.params(event.orderId(), event.customerId(), event.orderNumber(), event.agreementId(),
					event.agreementNumber(), event.customerName(), (rule != null) ? rule.name() : null)
			.query(this::order)
			.single();
	}

	/** @return the order as it stands now, locked as {@link #validated} returns it */
	BilledOrder accepted(OrderAccepted event) {
		return this.jdbc.sql("""
				INSERT INTO billed_order (order_id, customer_id, order_number, purchase_order_number, accepted)
				VALUES (?, ?, ?, ?, ?::jsonb)
				ON CONFLICT (order_id) DO UPDATE SET accepted = excluded.accepted,
				    order_number = coalesce(billed_order.order_number, excluded.order_number),
				    purchase_order_number = coalesce(billed_order.purchase_order_number,
				        excluded.purchase_order_number)
				RETURNING\s""" + ORDER_COLUMNS)
			.params(event.orderId(), event.customerId(), event.orderNumber(), event.purchaseOrderNumber(),
					this.json.writeValueAsString(event))
			.query(this::order)
			.single();
	}

	void cancelled(UUID orderId, UUID customerId) {
		this.jdbc.sql("""
				INSERT INTO billed_order (order_id, customer_id, cancelled) VALUES (?, ?, TRUE)
				ON CONFLICT (order_id) DO UPDATE SET cancelled = TRUE""")
			.params(orderId, customerId)
			.update();
	}

	void planned(ShipmentPlanned event) {
		this.jdbc.sql("""
				INSERT INTO billed_shipment (shipment_id, order_id, site_id, lines, shipments_in_order)
				VALUES (?, ?, ?, ?::jsonb, ?)
				ON CONFLICT (shipment_id) DO UPDATE SET lines = excluded.lines,
				    shipments_in_order = excluded.shipments_in_order""")
			.params(event.shipmentId(), event.orderId(), event.siteId(),
					this.json.writeValueAsString(event.lines()), event.shipmentsInOrder())
			.update();
	}

	/** @return whether billing knows the shipment (its plan came first, as on the shipment topic it does) */
	boolean delivered(UUID shipmentId, Instant at) {
		return this.jdbc.sql("UPDATE billed_shipment SET delivered_at = coalesce(delivered_at, ?) WHERE shipment_id = ?")
			.params(Timestamp.from(at), shipmentId)
			.update() == 1;
	}

	void shipmentCancelled(UUID shipmentId) {
		this.jdbc.sql("UPDATE billed_shipment SET cancelled = TRUE WHERE shipment_id = ? AND invoice_id IS NULL")
			.param(shipmentId)
			.update();
	}

	/**
	 * Reads the order and locks its row until the transaction ends, so that two listeners never invoice the same
	 * shipment: the one that comes second sees it invoiced.
	 */
	Optional<BilledOrder> lock(UUID orderId) {
		return this.jdbc.sql("SELECT " + ORDER_COLUMNS + " FROM billed_order WHERE order_id = ? FOR UPDATE")
			.param(orderId)
			.query(this::order)
			.optional();
	}

	List<BilledShipment> deliveredNotInvoiced(UUID orderId) {
		return this.jdbc.sql("""
				SELECT shipment_id, order_id, site_id, lines::text AS lines, shipments_in_order, delivered_at,
				    invoice_id, credited
				FROM billed_shipment
				WHERE order_id = ? AND delivered_at IS NOT NULL AND invoice_id IS NULL AND NOT cancelled
				ORDER BY delivered_at, shipment_id""")
			.param(orderId)
			.query(this::shipmentRow)
			.list();
	}

	/** Delivered before {@code until} and not invoiced yet: what the monthly run gathers. */
	List<UUID> ordersWithUninvoicedDeliveries(Instant until) {
		return this.jdbc.sql("""
				SELECT DISTINCT order_id FROM billed_shipment
				WHERE delivered_at IS NOT NULL AND invoice_id IS NULL AND NOT cancelled AND delivered_at < ?""")
			.param(Timestamp.from(until))
			.query(UUID.class)
			.list();
	}

	Optional<BilledShipment> shipment(UUID shipmentId) {
		return this.jdbc.sql("""
				SELECT shipment_id, order_id, site_id, lines::text AS lines, shipments_in_order, delivered_at,
				    invoice_id, credited
				FROM billed_shipment WHERE shipment_id = ? FOR UPDATE""")
			.param(shipmentId)
			.query(this::shipmentRow)
			.optional();
	}

	int shipmentsInvoiced(UUID orderId) {
		return this.jdbc.sql("SELECT count(*) FROM billed_shipment WHERE order_id = ? AND invoice_id IS NOT NULL")
			.param(orderId)
			.query(Integer.class)
			.single();
	}

	void markInvoiced(UUID shipmentId, UUID invoiceId) {
		this.jdbc.sql("UPDATE billed_shipment SET invoice_id = ? WHERE shipment_id = ?")
			.params(invoiceId, shipmentId)
			.update();
	}

	void markCredited(UUID shipmentId) {
		this.jdbc.sql("UPDATE billed_shipment SET credited = TRUE WHERE shipment_id = ?").param(shipmentId).update();
	}

	private BilledOrder order(ResultSet rs, int row) throws SQLException {
		String accepted = rs.getString("accepted");
		String rule = rs.getString("invoicing_rule");
		return new BilledOrder(rs.getObject("order_id", UUID.class), rs.getObject("customer_id", UUID.class),
				rs.getString("order_number"), rs.getString("placed_by"), rs.getString("purchase_order_number"),
				rs.getString("agreement_number"), rs.getString("customer_name"),
				(rule != null) ? InvoicingRule.valueOf(rule) : null,
				(accepted != null) ? this.json.readValue(accepted, OrderAccepted.class) : null,
				rs.getBoolean("cancelled"));
	}

	private BilledShipment shipmentRow(ResultSet rs, int row) throws SQLException {
		Timestamp delivered = rs.getTimestamp("delivered_at");
		return new BilledShipment(rs.getObject("shipment_id", UUID.class), rs.getObject("order_id", UUID.class),
				rs.getObject("site_id", UUID.class), this.json.readValue(rs.getString("lines"), SHIPMENT_LINES),
				rs.getInt("shipments_in_order"), (delivered != null) ? delivered.toInstant() : null,
				rs.getObject("invoice_id", UUID.class), rs.getBoolean("credited"));
	}

	/**
	 * An order as billing knows it; {@code accepted} is empty until OrderAccepted has arrived, {@code invoicingRule}
	 * when its OrderValidated did not name one.
	 */
	record BilledOrder(UUID orderId, UUID customerId, String orderNumber, String placedBy,
			String purchaseOrderNumber, String agreementNumber, String customerName, InvoicingRule invoicingRule,
			OrderAccepted accepted, boolean cancelled) {

		/** Everything an invoice needs is here: the priced order and the agreement it was priced under. */
		boolean readyToInvoice() {
			return this.accepted != null && this.agreementNumber != null;
		}
	}

	record BilledShipment(UUID shipmentId, UUID orderId, UUID siteId, List<ShipmentLine> lines,
			int shipmentsInOrder, Instant deliveredAt, UUID invoiceId, boolean credited) {
	}
}

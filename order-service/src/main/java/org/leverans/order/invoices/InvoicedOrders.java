package org.leverans.order.invoices;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which orders each invoice charges for, as its InvoiceIssued said. */
@Repository
class InvoicedOrders {

	private final JdbcClient jdbc;

	InvoicedOrders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(UUID invoiceId, UUID orderId, String invoiceNumber) {
		this.jdbc.sql("""
				INSERT INTO order_invoice (invoice_id, order_id, invoice_number) VALUES (?, ?, ?)
				ON CONFLICT (invoice_id, order_id) DO NOTHING""")
			.params(invoiceId, orderId, invoiceNumber)
			.update();
	}

	/** The orders of the invoice, by id, so that their rows are locked in one order by every handler. */
	List<UUID> ordersOf(UUID invoiceId) {
		return this.jdbc.sql("SELECT order_id FROM order_invoice WHERE invoice_id = ? ORDER BY order_id")
			.param(invoiceId)
			.query(UUID.class)
			.list();
	}
}

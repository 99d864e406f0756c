package org.leverans.billing.invoicing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.leverans.contracts.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invoices, credit notes and their lines, and the number series they take their numbers from. */
@Repository
public class Invoices {

	static final String COLUMNS = """
			id, number, kind, credits_invoice_id, customer_id, customer_name, agreement_number, country_code,
			language, currency, issue_date, due_date, payment_terms, net, vat, total, paid, credited, status,
			reference, reason, issued_at""";

	private final JdbcClient jdbc;

	Invoices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The next number of a series. The counter row stays locked until the calling transaction ends: a concurrent
	 * issue waits for it, and a rollback gives the number back, so numbers have no gaps and no doubles.
	 */
	long nextNumber(String series) {
		return this.jdbc.sql("""
				INSERT INTO number_series (series, last_number) VALUES (?, 1)
				ON CONFLICT (series) DO UPDATE SET last_number = number_series.last_number + 1
				RETURNING last_number""")
			.param(series)
			.query(Long.class)
			.single();
	}

	void insert(Invoice invoice) {
		insert(invoice, null);
	}

	/** @param creditedLines for a credit note, the credited invoice's line number of each of its lines */
	void insert(Invoice invoice, List<Integer> creditedLines) {
		this.jdbc.sql("INSERT INTO invoice (" + COLUMNS
				+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(invoice.id(), invoice.number(), invoice.kind().name(), invoice.creditsInvoiceId(),
					invoice.customerId(), invoice.customerName(), invoice.agreementNumber(), invoice.countryCode(),
					invoice.language(), invoice.currency(), invoice.issueDate(), invoice.dueDate(),
					invoice.paymentTerms(), invoice.net(), invoice.vat(), invoice.total(), invoice.paid(),
					invoice.credited(), invoice.status().name(), invoice.reference(), invoice.reason(),
					Timestamp.from(invoice.issuedAt()))
			.update();
		for (int i = 0; i < invoice.lines().size(); i++) {
			InvoiceLine line = invoice.lines().get(i);
			this.jdbc.sql("""
					INSERT INTO invoice_line (invoice_id, line_no, kind, order_id, order_number, order_line_no,
					    shipment_id, site_id, purchase_order_number, placed_by, sku, description, product_group, unit,
					    quantity, unit_price, net, vat_rate, credits_line_no)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(invoice.id(), line.lineNo(), line.kind().name(), line.orderId(), line.orderNumber(),
						line.orderLineNo(), line.shipmentId(), line.siteId(), line.purchaseOrderNumber(),
						line.placedBy(), line.sku(), line.description(), line.productGroup(), line.unit(),
						line.quantity(), line.unitPrice(), line.net(), line.vatRate(),
						(creditedLines != null) ? creditedLines.get(i) : null)
				.update();
		}
	}

	public Optional<Invoice> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM invoice WHERE id = ?")
			.param(id)
			.query(this::header)
			.optional()
			.map(this::withLines);
	}

	/** Reads the invoice and locks it until the transaction ends: payments and credit notes change it one at a time. */
	public Optional<Invoice> lock(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM invoice WHERE id = ? FOR UPDATE")
			.param(id)
			.query(this::header)
			.optional();
	}

	public Optional<Invoice> lockByReference(String reference) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM invoice WHERE reference = ? FOR UPDATE")
			.param(reference)
			.query(this::header)
			.optional();
	}

	public Optional<Invoice> lockByNumber(String number) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM invoice WHERE number = ? AND kind = 'INVOICE' FOR UPDATE")
			.param(number)
			.query(this::header)
			.optional();
	}

	/** Adds to what was paid and credited on a locked invoice, and sets the status that follows. */
	public Invoice settle(Invoice invoice, BigDecimal paid, BigDecimal credited) {
		BigDecimal newPaid = Money.cents(invoice.paid().add(paid));
		BigDecimal newCredited = Money.cents(invoice.credited().add(credited));
		Invoice.Status status = Invoice.statusOf(invoice.total(), newPaid, newCredited);
		this.jdbc.sql("UPDATE invoice SET paid = ?, credited = ?, status = ? WHERE id = ?")
			.params(newPaid, newCredited, status.name(), invoice.id())
			.update();
		return new Invoice(invoice.id(), invoice.number(), invoice.kind(), invoice.creditsInvoiceId(),
				invoice.customerId(), invoice.customerName(), invoice.agreementNumber(), invoice.countryCode(),
				invoice.language(), invoice.currency(), invoice.issueDate(), invoice.dueDate(), invoice.paymentTerms(),
				invoice.net(), invoice.vat(), invoice.total(), newPaid, newCredited, status, invoice.reference(),
				invoice.reason(), invoice.issuedAt(), invoice.lines());
	}

	/** How much of each order is on issued invoices (credit notes do not undo a delivery). */
	OrderProgress progress(UUID orderId, int shipmentsInvoiced) {
		Map<Integer, Integer> quantities = new java.util.HashMap<>();
		BigDecimal[] sums = { Money.ZERO, Money.ZERO };
		this.jdbc.sql("""
				SELECT line.kind, line.order_line_no, sum(line.quantity) AS quantity, sum(line.net) AS net
				FROM invoice_line line JOIN invoice ON invoice.id = line.invoice_id
				WHERE line.order_id = ? AND invoice.kind = 'INVOICE'
				GROUP BY line.kind, line.order_line_no""")
			.param(orderId)
			.query(rs -> {
				if ("GOODS".equals(rs.getString("kind"))) {
					quantities.merge(rs.getInt("order_line_no"), rs.getInt("quantity"), Integer::sum);
					sums[0] = sums[0].add(rs.getBigDecimal("net"));
				}
				else {
					sums[1] = sums[1].add(rs.getBigDecimal("net"));
				}
			});
		return new OrderProgress(quantities, sums[0], sums[1], shipmentsInvoiced);
	}

	List<InvoiceLine> linesOfShipment(UUID shipmentId) {
		return this.jdbc.sql("""
				SELECT line.* FROM invoice_line line JOIN invoice ON invoice.id = line.invoice_id
				WHERE line.shipment_id = ? AND invoice.kind = 'INVOICE' ORDER BY line.line_no""")
			.param(shipmentId)
			.query(Invoices::line)
			.list();
	}

	/** What credit notes have given back so far, per line number of the credited invoice. */
	Map<Integer, Credited> credited(UUID invoiceId) {
		Map<Integer, Credited> credited = new java.util.HashMap<>();
		this.jdbc.sql("""
				SELECT line.credits_line_no, sum(line.quantity) AS quantity, sum(line.net) AS net
				FROM invoice_line line JOIN invoice note ON note.id = line.invoice_id
				WHERE note.credits_invoice_id = ? AND line.credits_line_no IS NOT NULL
				GROUP BY line.credits_line_no""")
			.param(invoiceId)
			.query(rs -> {
				credited.put(rs.getInt("credits_line_no"),
						new Credited(rs.getInt("quantity"), Money.cents(rs.getBigDecimal("net"))));
			});
		return credited;
	}

	/** Quantity and net amount of an invoice line already credited. */
	record Credited(int quantity, BigDecimal net) {

		static final Credited NONE = new Credited(0, Money.ZERO);
	}

	/** Unpaid invoices whose due date passed before {@code dueBefore} and that were not reported yet. */
	List<Invoice> lockUnreportedOverdue(LocalDate dueBefore, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM invoice
				WHERE kind = 'INVOICE' AND status IN ('OPEN', 'PARTIALLY_PAID') AND due_date < ?
				  AND overdue_reported_at IS NULL
				ORDER BY due_date LIMIT ? FOR UPDATE SKIP LOCKED""")
			.params(dueBefore, limit)
			.query(this::header)
			.list();
	}

	void markOverdueReported(UUID id, Instant at) {
		this.jdbc.sql("UPDATE invoice SET overdue_reported_at = ? WHERE id = ?").params(Timestamp.from(at), id).update();
	}

	/** Invoices and credit notes matching {@code filter}, newest first. */
	public List<Invoice> search(InvoiceFilter filter) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM invoice WHERE TRUE");
		List<Object> params = new ArrayList<>();
		if (filter.customerId() != null) {
			sql.append(" AND customer_id = ?");
			params.add(filter.customerId());
		}
		if (filter.placedBy() != null) {
			lineCondition(sql, params, "line.placed_by = ?", filter.placedBy());
		}
		if (filter.status() != null) {
			if (filter.status().equals("OVERDUE")) {
				sql.append(" AND kind = 'INVOICE' AND status IN ('OPEN', 'PARTIALLY_PAID') AND due_date < ?");
				params.add(filter.today());
			}
			else {
				sql.append(" AND status = ?");
				params.add(filter.status());
			}
		}
		if (filter.kind() != null) {
			sql.append(" AND kind = ?");
			params.add(filter.kind().name());
		}
		if (filter.from() != null) {
			sql.append(" AND issue_date >= ?");
			params.add(filter.from());
		}
		if (filter.to() != null) {
			sql.append(" AND issue_date <= ?");
			params.add(filter.to());
		}
		if (filter.order() != null) {
			lineCondition(sql, params, "(line.order_number = ? OR line.order_id::text = ?)", filter.order(),
					filter.order());
		}
		if (filter.purchaseOrderNumber() != null) {
			lineCondition(sql, params, "line.purchase_order_number = ?", filter.purchaseOrderNumber());
		}
		if (filter.siteId() != null) {
			lineCondition(sql, params, "line.site_id = ?", filter.siteId());
		}
		sql.append(" ORDER BY issue_date DESC, number DESC LIMIT ?");
		params.add(filter.limit());
		// A page is at most a few hundred invoices, and the list shows each one's orders and PO numbers.
		return this.jdbc.sql(sql.toString()).params(params).query(this::header).list().stream()
			.map(this::withLines)
			.toList();
	}

	private static void lineCondition(StringBuilder sql, List<Object> params, String condition, Object... values) {
		sql.append(" AND EXISTS (SELECT 1 FROM invoice_line line WHERE line.invoice_id = invoice.id AND ")
			.append(condition)
			.append(")");
		params.addAll(List.of(values));
	}

	private Invoice withLines(Invoice invoice) {
		List<InvoiceLine> lines = this.jdbc.sql("SELECT * FROM invoice_line WHERE invoice_id = ? ORDER BY line_no")
			.param(invoice.id())
			.query(Invoices::line)
			.list();
		return new Invoice(invoice.id(), invoice.number(), invoice.kind(), invoice.creditsInvoiceId(),
				invoice.customerId(), invoice.customerName(), invoice.agreementNumber(), invoice.countryCode(),
				invoice.language(), invoice.currency(), invoice.issueDate(), invoice.dueDate(), invoice.paymentTerms(),
				invoice.net(), invoice.vat(), invoice.total(), invoice.paid(), invoice.credited(), invoice.status(),
				invoice.reference(), invoice.reason(), invoice.issuedAt(), lines);
	}

	private Invoice header(ResultSet rs, int row) throws SQLException {
		return new Invoice(rs.getObject("id", UUID.class), rs.getString("number"),
				Invoice.Kind.valueOf(rs.getString("kind")), rs.getObject("credits_invoice_id", UUID.class),
				rs.getObject("customer_id", UUID.class), rs.getString("customer_name"),
				rs.getString("agreement_number"), rs.getString("country_code"), rs.getString("language"),
				rs.getString("currency"), rs.getObject("issue_date", LocalDate.class),
				rs.getObject("due_date", LocalDate.class), rs.getString("payment_terms"),
				Money.cents(rs.getBigDecimal("net")), Money.cents(rs.getBigDecimal("vat")),
				Money.cents(rs.getBigDecimal("total")), Money.cents(rs.getBigDecimal("paid")),
				Money.cents(rs.getBigDecimal("credited")), Invoice.Status.valueOf(rs.getString("status")),
				rs.getString("reference"), rs.getString("reason"), rs.getTimestamp("issued_at").toInstant(), List.of());
	}

	private static InvoiceLine line(ResultSet rs, int row) throws SQLException {
		BigDecimal unitPrice = rs.getBigDecimal("unit_price");
		return new InvoiceLine(rs.getInt("line_no"), InvoiceLine.Kind.valueOf(rs.getString("kind")),
				rs.getObject("order_id", UUID.class), rs.getString("order_number"),
				(Integer) rs.getObject("order_line_no"), rs.getObject("shipment_id", UUID.class),
				rs.getObject("site_id", UUID.class), rs.getString("purchase_order_number"), rs.getString("placed_by"),
				rs.getString("sku"), rs.getString("description"), rs.getString("product_group"), rs.getString("unit"),
				rs.getInt("quantity"), (unitPrice != null) ? Money.cents(unitPrice) : null,
				Money.cents(rs.getBigDecimal("net")), rs.getBigDecimal("vat_rate").stripTrailingZeros());
	}
}

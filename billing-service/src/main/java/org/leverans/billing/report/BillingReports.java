package org.leverans.billing.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.leverans.web.report.ReportPeriod;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sums the issued invoices for the buyer's reports. Spend is what the invoices charged net of VAT, minus what credit
 * notes gave back, counted in the month the document was issued; freight lines count as their own group,
 * {@code FREIGHT}. Open amounts are what unpaid invoices still ask for, VAT included, by how long past due.
 */
@Component
class BillingReports {

	static final String FREIGHT = "FREIGHT";

	private final JdbcClient jdbc;

	BillingReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Spend by month (every month of the period, zero where nothing was invoiced) or by product group. */
	List<SpendRow> spend(SpendBy by, ReportScope scope, ReportPeriod period, UUID siteId, String group) {
		Sql sql = new Sql("""
				SELECT %s AS key, i.currency,
				sum(CASE WHEN i.kind = 'CREDIT_NOTE' THEN -l.net ELSE l.net END) AS net
				FROM invoice i JOIN invoice_line l ON l.invoice_id = i.id
				WHERE i.issue_date BETWEEN ? AND ?""".formatted((by == SpendBy.MONTH)
				? "to_char(i.issue_date, 'YYYY-MM')" : "coalesce(l.product_group, '" + FREIGHT + "')"),
				Date.valueOf(period.firstDay()), Date.valueOf(period.lastDay()));
		sql.and("i.customer_id = ?", scope.customerId());
		sql.and("l.site_id = ?", siteId);
		sql.and("coalesce(l.product_group, '" + FREIGHT + "') = ?", group);
		List<SpendRow> rows = this.jdbc.sql(sql.text + " GROUP BY 1, 2 ORDER BY 1, 2")
			.params(sql.params)
			.query((rs, n) -> new SpendRow(rs.getString(1), rs.getString(2), money(rs.getBigDecimal(3))))
			.list();
		return (by == SpendBy.MONTH) ? everyMonth(rows, period) : rows;
	}

	/** Unpaid invoices issued in the period by how long past due on {@code today}, per currency. */
	List<ReceivablesRow> receivables(ReportScope scope, ReportPeriod period, UUID siteId, LocalDate today) {
		Sql sql = new Sql("""
				SELECT CASE WHEN i.due_date >= ? THEN 'NOT_DUE'
				WHEN ? - i.due_date <= 30 THEN 'OVERDUE_1_30'
				WHEN ? - i.due_date <= 60 THEN 'OVERDUE_31_60'
				ELSE 'OVERDUE_OVER_60' END AS age, i.currency, count(*),
				sum(greatest(i.total - i.paid - i.credited, 0))
				FROM invoice i
				WHERE i.kind = 'INVOICE' AND i.status IN ('OPEN', 'PARTIALLY_PAID')
				AND i.total - i.paid - i.credited > 0 AND i.issue_date BETWEEN ? AND ?""", Date.valueOf(today),
				Date.valueOf(today), Date.valueOf(today), Date.valueOf(period.firstDay()),
				Date.valueOf(period.lastDay()));
		sql.and("i.customer_id = ?", scope.customerId());
		sql.and("EXISTS (SELECT 1 FROM invoice_line l WHERE l.invoice_id = i.id AND l.site_id = ?)", siteId);
		Map<String, ReceivablesRow> found = new LinkedHashMap<>();
		this.jdbc.sql(sql.text + " GROUP BY 1, 2")
			.params(sql.params)
			.query((rs, n) -> new ReceivablesRow(Age.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3),
					money(rs.getBigDecimal(4))))
			.list()
			.forEach(row -> found.put(row.age() + row.currency(), row));
		// Every age for every currency, so a chart and a table show each band even when it is empty.
		List<ReceivablesRow> rows = new ArrayList<>();
		for (String currency : new TreeSet<>(found.values().stream().map(ReceivablesRow::currency).toList())) {
			for (Age age : Age.values()) {
				rows.add(found.getOrDefault(age + currency, new ReceivablesRow(age, currency, 0, money(null))));
			}
		}
		return rows;
	}

	private static List<SpendRow> everyMonth(List<SpendRow> rows, ReportPeriod period) {
		Map<String, SpendRow> found = new LinkedHashMap<>();
		rows.forEach(row -> found.put(row.key() + row.currency(), row));
		List<SpendRow> filled = new ArrayList<>();
		for (String currency : new TreeSet<>(rows.stream().map(SpendRow::currency).toList())) {
			for (YearMonth month = period.from(); !month.isAfter(period.to()); month = month.plusMonths(1)) {
				filled.add(found.getOrDefault(month + currency, new SpendRow(month.toString(), currency, money(null))));
			}
		}
		return filled;
	}

	private static String money(BigDecimal amount) {
		return ((amount != null) ? amount : BigDecimal.ZERO).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
	}

	enum SpendBy {

		MONTH, GROUP

	}

	enum Age {

		NOT_DUE, OVERDUE_1_30, OVERDUE_31_60, OVERDUE_OVER_60;

		boolean overdue() {
			return this != NOT_DUE;
		}

	}

	/** @param key the month ({@code 2026-03}) or the product group */
	@JsonPropertyOrder({ "key", "currency", "net" })
	record SpendRow(String key, String currency, String net) {
	}

	/** @param open what the invoices of this age still ask for, VAT included */
	@JsonPropertyOrder({ "age", "currency", "invoices", "open" })
	record ReceivablesRow(Age age, String currency, int invoices, String open) {
	}

	/** A query with its optional filters, each added only when asked for. */
	private static final class Sql {

		private String text;

		private final List<Object> params = new ArrayList<>();

		Sql(String text, Object... params) {
			this.text = text;
			this.params.addAll(List.of(params));
		}

		void and(String condition, Object value) {
			if (value != null) {
				this.text += " AND " + condition;
				this.params.add(value);
			}
		}
	}
}

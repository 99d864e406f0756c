package org.leverans.billing.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.leverans.billing.invoicing.InvoicingProperties;
import org.leverans.billing.report.BillingReports.Age;
import org.leverans.billing.report.BillingReports.ReceivablesRow;
import org.leverans.billing.report.BillingReports.SpendBy;
import org.leverans.billing.report.BillingReports.SpendRow;
import org.leverans.web.caller.Caller;
import org.leverans.web.report.CsvDownload;
import org.leverans.web.report.ReportPeriod;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The buyer's money reports: spend by month or product group, and open and overdue amounts. Each answers JSON, or
 * with {@code format=csv} the same rows as a CSV file. Agreement managers see their own company's figures only;
 * customer service and admins name a customer, or see every customer's.
 */
@RestController
@Validated
@RequestMapping("/api/reports")
class ReportController {

	private final BillingReports reports;

	private final InvoicingProperties properties;

	private final Clock clock;

	ReportController(BillingReports reports, InvoicingProperties properties, Clock clock) {
		this.reports = reports;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/spend")
	ResponseEntity<?> spend(@RequestParam(defaultValue = "month") @Pattern(regexp = "month|group") String by,
			@RequestParam(required = false) YearMonth from, @RequestParam(required = false) YearMonth to,
			@RequestParam(required = false) UUID siteId, @RequestParam(required = false) @Size(max = 40) String group,
			@RequestParam(required = false) UUID customerId,
			@RequestParam(defaultValue = "json") @Pattern(regexp = "json|csv") String format, Caller caller) {
		ReportScope scope = ReportScope.of(caller, customerId);
		ReportPeriod period = ReportPeriod.of(from, to, YearMonth.from(today()));
		SpendBy spendBy = by.equals("group") ? SpendBy.GROUP : SpendBy.MONTH;
		List<SpendRow> rows = this.reports.spend(spendBy, scope, period, siteId, group);
		if (format.equals("csv")) {
			return CsvDownload.of("spend-by-" + by + "-" + period.from() + "-" + period.to() + ".csv", SpendRow.class,
					rows);
		}
		return ResponseEntity.ok(new SpendReport(period.from(), period.to(), by, rows));
	}

	@GetMapping("/receivables")
	ResponseEntity<?> receivables(@RequestParam(required = false) YearMonth from,
			@RequestParam(required = false) YearMonth to, @RequestParam(required = false) UUID siteId,
			@RequestParam(required = false) UUID customerId,
			@RequestParam(defaultValue = "json") @Pattern(regexp = "json|csv") String format, Caller caller) {
		ReportScope scope = ReportScope.of(caller, customerId);
		LocalDate today = today();
		ReportPeriod period = ReportPeriod.of(from, to, YearMonth.from(today));
		List<ReceivablesRow> rows = this.reports.receivables(scope, period, siteId, today);
		if (format.equals("csv")) {
			return CsvDownload.of("open-and-overdue-" + today + ".csv", ReceivablesRow.class, rows);
		}
		List<Totals> totals = rows.stream().map(ReceivablesRow::currency).distinct().map(currency -> Totals.of(
				currency, rows.stream().filter(row -> row.currency().equals(currency)).toList())).toList();
		return ResponseEntity.ok(new ReceivablesReport(period.from(), period.to(), today, rows, totals));
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.properties.zone()));
	}

	record SpendReport(YearMonth from, YearMonth to, String by, List<SpendRow> rows) {
	}

	/** @param asOf the day "overdue" is counted from: past due before this day */
	record ReceivablesReport(YearMonth from, YearMonth to, LocalDate asOf, List<ReceivablesRow> rows,
			List<Totals> totals) {
	}

	/** What a currency's unpaid invoices still ask for, and how much of that is overdue. */
	record Totals(String currency, String open, String overdue) {

		static Totals of(String currency, List<ReceivablesRow> rows) {
			return new Totals(currency, sum(rows, false), sum(rows, true));
		}

		private static String sum(List<ReceivablesRow> rows, boolean overdueOnly) {
			return rows.stream()
				.filter(row -> !overdueOnly || row.age().overdue())
				.map(row -> new BigDecimal(row.open()))
				.reduce(BigDecimal.ZERO, BigDecimal::add)
				.toPlainString();
		}
	}
}

package org.leverans.delivery.report;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Pattern;

import org.leverans.contracts.TokenClaims.Roles;
import org.leverans.delivery.planning.PlanningProperties;
import org.leverans.delivery.report.OnTimeReports.OnTimeBy;
import org.leverans.delivery.report.OnTimeReports.OnTimeRow;
import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.report.CsvDownload;
import org.leverans.web.report.ReportPeriod;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The buyer's on-time delivery report by site or by carrier, as JSON or, with {@code format=csv}, the same rows as a
 * CSV file; see {@link OnTimeReports} for what counts as on time. Agreement managers see their own company's
 * shipments only; customer service and admins name a customer, or see every customer's.
 */
@RestController
@Validated
class OnTimeReportController {

	private final OnTimeReports reports;

	private final Clock clock;

	/** Where "this month" is counted when no period is chosen: the time zone of sites in unlisted countries. */
	private final ZoneId home;

	OnTimeReportController(OnTimeReports reports, Clock clock, PlanningProperties planning) {
		this.reports = reports;
		this.clock = clock;
		this.home = ZoneId.of(planning.defaultTimeZone());
	}

	@GetMapping("/api/reports/on-time-delivery")
	ResponseEntity<?> onTime(@RequestParam(defaultValue = "site") @Pattern(regexp = "site|carrier") String by,
			@RequestParam(required = false) YearMonth from, @RequestParam(required = false) YearMonth to,
			@RequestParam(required = false) UUID siteId, @RequestParam(required = false) UUID customerId,
			@RequestParam(defaultValue = "json") @Pattern(regexp = "json|csv") String format, Caller caller) {
		UUID customer = customerOf(caller, customerId);
		ReportPeriod period = ReportPeriod.of(from, to, YearMonth.now(this.clock.withZone(this.home)));
		List<OnTimeRow> rows = this.reports.onTime(by.equals("carrier") ? OnTimeBy.CARRIER : OnTimeBy.SITE, customer,
				period, siteId);
		if (format.equals("csv")) {
			return CsvDownload.of("on-time-delivery-by-" + by + "-" + period.from() + "-" + period.to() + ".csv",
					OnTimeRow.class, rows);
		}
		return ResponseEntity.ok(new OnTimeReport(period.from(), period.to(), by, rows));
	}

	/** An agreement manager's own company, whatever customer they name; staff the one they name, or every one. */
	private static UUID customerOf(Caller caller, UUID requested) {
		if (caller.isStaff()) {
			return requested;
		}
		if (caller.isBuyer() && caller.has(Roles.AGREEMENT_MANAGER)) {
			return caller.customerId();
		}
		throw ApiProblem.forbidden("Reports are for the buyer's agreement managers, customer service and admins.");
	}

	record OnTimeReport(YearMonth from, YearMonth to, String by, List<OnTimeRow> rows) {
	}
}

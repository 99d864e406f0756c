package org.leverans.delivery.accuracy;

import org.leverans.delivery.accuracy.AccuracyReports.AccuracyReport;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The delivery promise's accuracy report for supplier staff; see {@link AccuracyReports}. */
@RestController
class AccuracyController {

	private final AccuracyReports reports;

	AccuracyController(AccuracyReports reports) {
		this.reports = reports;
	}

	@GetMapping("/api/admin/delivery-accuracy")
	AccuracyReport report() {
		return this.reports.report();
	}
}

package org.leverans.web.report;

import java.time.LocalDate;
import java.time.YearMonth;

import org.leverans.web.problem.ApiProblem;

/**
 * The whole months a report covers, both ends included. Without a choice it is the twelve months up to this one;
 * a longer span than {@link #MAX_MONTHS} is refused, so one request cannot sum up the whole history.
 */
public record ReportPeriod(YearMonth from, YearMonth to) {

	public static final int MAX_MONTHS = 36;

	public static ReportPeriod of(YearMonth from, YearMonth to, YearMonth thisMonth) {
		YearMonth last = (to != null) ? to : (from != null && from.isAfter(thisMonth)) ? from : thisMonth;
		YearMonth first = (from != null) ? from : last.minusMonths(11);
		if (first.isAfter(last)) {
			throw ApiProblem.invalid("from", "INVALID_VALUE", "from must not be after to");
		}
		if (first.plusMonths(MAX_MONTHS - 1).isBefore(last)) {
			throw ApiProblem.invalid("to", "INVALID_VALUE", "A report covers at most " + MAX_MONTHS + " months");
		}
		return new ReportPeriod(first, last);
	}

	public LocalDate firstDay() {
		return this.from.atDay(1);
	}

	public LocalDate lastDay() {
		return this.to.atEndOfMonth();
	}
}

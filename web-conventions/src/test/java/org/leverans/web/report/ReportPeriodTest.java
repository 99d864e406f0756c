package org.leverans.web.report;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.leverans.web.problem.ApiProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReportPeriodTest {

	private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

	@Test
	void coversTheTwelveMonthsUpToThisOneWhenNoneAreChosen() {
		ReportPeriod period = ReportPeriod.of(null, null, DECEMBER);

		assertThat(period.from()).isEqualTo(YearMonth.of(2026, 1));
		assertThat(period.firstDay()).hasToString("2026-01-01");
		assertThat(period.lastDay()).hasToString("2026-12-31");
	}

	@Test
	void aChosenStartRunsTwelveMonthsOnlyWhenItLiesAheadOtherwiseToThisMonth() {
		assertThat(ReportPeriod.of(YearMonth.of(2026, 3), null, DECEMBER).to()).isEqualTo(DECEMBER);
		assertThat(ReportPeriod.of(null, YearMonth.of(2026, 6), DECEMBER).from()).isEqualTo(YearMonth.of(2025, 7));
	}

	@Test
	void refusesAStartAfterTheEndAndMoreMonthsThanAReportCovers() {
		assertThatExceptionOfType(ApiProblem.class)
			.isThrownBy(() -> ReportPeriod.of(YearMonth.of(2026, 5), YearMonth.of(2026, 4), DECEMBER));
		assertThatExceptionOfType(ApiProblem.class)
			.isThrownBy(() -> ReportPeriod.of(YearMonth.of(2023, 12), DECEMBER, DECEMBER));
		assertThat(ReportPeriod.of(YearMonth.of(2024, 1), DECEMBER, DECEMBER).from()).isEqualTo(YearMonth.of(2024, 1));
	}
}

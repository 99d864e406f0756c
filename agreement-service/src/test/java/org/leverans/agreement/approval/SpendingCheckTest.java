package org.leverans.agreement.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.agreement.approval.SpendingLimit.Budgeted;
import org.leverans.contracts.Reason;

import static org.assertj.core.api.Assertions.assertThat;

class SpendingCheckTest {

	static final YearMonth DECEMBER = YearMonth.of(2026, 12);

	static final Budgeted ANNA = Budgeted.orderer("anna");

	static final UUID SITE = UUID.fromString("11111111-0000-0000-0000-000000000001");

	static final Budgeted JATKASAARI = Budgeted.site(SITE);

	@Test
	void anOrderWithinEveryLimitNeedsNoApproval() {
		assertThat(check(spend(ANNA, "4999.99"), Map.of(ANNA, limit(ANNA, "5000.00", "20000.00")),
				Map.of(ANNA, new BigDecimal("15000.00")))).isEmpty();
	}

	@Test
	void anOrderExactlyAtTheLimitAndFillingTheBudgetNeedsNoApproval() {
		assertThat(check(spend(ANNA, "5000.00"), Map.of(ANNA, limit(ANNA, "5000.00", "20000.00")),
				Map.of(ANNA, new BigDecimal("15000.00")))).isEmpty();
	}

	@Test
	void anOrderAboveTheOrderersOrderLimitNeedsApproval() {
		List<Reason> reasons = check(spend(ANNA, "5000.01"), Map.of(ANNA, limit(ANNA, "5000.00", null)), Map.of());
		assertThat(reasons).singleElement().satisfies(reason -> {
			assertThat(reason.code()).isEqualTo("ORDER_LIMIT_EXCEEDED");
			assertThat(reason.message())
				.isEqualTo("The order total 5000.01 EUR is above anna's order limit of 5000.00 EUR");
		});
	}

	@Test
	void anOrderThatWouldTakeTheMonthOverTheBudgetNeedsApproval() {
		List<Reason> reasons = check(spend(ANNA, "1000.00"), Map.of(ANNA, limit(ANNA, "5000.00", "20000.00")),
				Map.of(ANNA, new BigDecimal("19500.00")));
		assertThat(reasons).singleElement().satisfies(reason -> {
			assertThat(reason.code()).isEqualTo("MONTHLY_BUDGET_EXCEEDED");
			assertThat(reason.message()).isEqualTo(
					"With this order anna would spend 20500.00 EUR in 2026-12, above the monthly budget of 20000.00 EUR");
		});
	}

	@Test
	void everyLimitGoneOverIsNamedForTheOrdererAndEachSite() {
		List<OrderSpend> spends = List.of(new OrderSpend(ANNA, new BigDecimal("3000.00")),
				new OrderSpend(JATKASAARI, new BigDecimal("3000.00")));
		List<Reason> reasons = SpendingCheck.overLimits(spends,
				Map.of(ANNA, limit(ANNA, "2000.00", "2500.00"), JATKASAARI, limit(JATKASAARI, "2500.00", null)),
				Map.of(), DECEMBER, who -> (who.equals(JATKASAARI)) ? "Site Jätkäsaari" : who.subject());
		assertThat(reasons).extracting(Reason::code)
			.containsExactly("ORDER_LIMIT_EXCEEDED", "MONTHLY_BUDGET_EXCEEDED", "ORDER_LIMIT_EXCEEDED");
		assertThat(reasons.get(2).message())
			.isEqualTo("The order's share for Site Jätkäsaari 3000.00 EUR is above its order limit of 2500.00 EUR");
	}

	@Test
	void whoHasNoLimitIsNeverHeldUp() {
		assertThat(check(spend(ANNA, "1000000.00"), Map.of(JATKASAARI, limit(JATKASAARI, "10.00", "10.00")),
				Map.of())).isEmpty();
	}

	private static List<Reason> check(List<OrderSpend> spends, Map<Budgeted, SpendingLimit> limits,
			Map<Budgeted, BigDecimal> spent) {
		return SpendingCheck.overLimits(spends, limits, spent, DECEMBER, Budgeted::subject);
	}

	private static List<OrderSpend> spend(Budgeted who, String amount) {
		return List.of(new OrderSpend(who, new BigDecimal(amount)));
	}

	private static SpendingLimit limit(Budgeted who, String orderLimit, String budget) {
		return new SpendingLimit(who, new BigDecimal(orderLimit), (budget != null) ? new BigDecimal(budget) : null,
				"EUR", "liisa", Instant.parse("2026-12-01T08:00:00Z"));
	}
}

package org.leverans.agreement.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.agreement.approval.SpendingLimit.Budgeted;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.contracts.validation.Totals;

import static org.assertj.core.api.Assertions.assertThat;

class OrderSpendTest {

	static final UUID JATKASAARI = UUID.randomUUID();

	static final UUID PASILA = UUID.randomUUID();

	@Test
	void anOrderToOneSiteSpendsItsWholeTotalAgainstTheOrdererAndTheSite() {
		OrderValidated order = order(new Totals(money("336.00"), money("95.00"), money("431.00"), "EUR"),
				line(1, JATKASAARI, "336.00"));

		assertThat(OrderSpend.of("anna", order)).containsExactly(
				new OrderSpend(Budgeted.orderer("anna"), money("431.00")),
				new OrderSpend(Budgeted.site(JATKASAARI), money("431.00")));
	}

	@Test
	void theFreightIsSharedBetweenTheSitesByTheValueOfTheirGoodsAndTheSharesAddUpToTheTotal() {
		OrderValidated order = order(new Totals(money("300.00"), money("100.00"), money("400.00"), "EUR"),
				line(1, JATKASAARI, "100.00"), line(2, PASILA, "150.00"), line(3, JATKASAARI, "50.00"));

		List<OrderSpend> spends = OrderSpend.of("anna", order);

		assertThat(spends).containsExactly(new OrderSpend(Budgeted.orderer("anna"), money("400.00")),
				new OrderSpend(Budgeted.site(JATKASAARI), money("200.00")),
				new OrderSpend(Budgeted.site(PASILA), money("200.00")));
	}

	@Test
	void theLastSiteTakesTheRoundingOfTheFreight() {
		OrderValidated order = order(new Totals(money("30.00"), money("10.00"), money("40.00"), "EUR"),
				line(1, JATKASAARI, "10.00"), line(2, PASILA, "20.00"));

		assertThat(OrderSpend.of("anna", order)).extracting(OrderSpend::amount)
			.containsExactly(money("40.00"), money("13.33"), money("26.67"));
	}

	private static OrderValidated order(Totals totals, PricedLine... lines) {
		return new OrderValidated(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "AG-1", 1, List.of(lines),
				List.of(), totals, null, "FREE_OVER", true, Instant.now(), "LV-000001", "Rakennus Oy");
	}

	private static PricedLine line(int lineNo, UUID site, String total) {
		return new PricedLine(lineNo, "CEM-25KG", "Cement 25 kg", "CEMENT", "BAG", 1, "PALLET", site, money(total),
				money(total), money(total), LocalDate.now());
	}

	private static BigDecimal money(String amount) {
		return new BigDecimal(amount);
	}
}

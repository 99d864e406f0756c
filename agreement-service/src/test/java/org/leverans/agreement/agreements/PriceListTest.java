package org.leverans.agreement.agreements;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leverans.agreement.catalog.Product;

import static org.assertj.core.api.Assertions.assertThat;

class PriceListTest {

	static final Product CEMENT = new Product("CEM-25KG", "Cement 25 kg", "CEMENT", "BAG", new BigDecimal("9.90"),
			List.of("PALLET"), 0, BigDecimal.ONE);

	static final Product TIMBER = new Product("TIM-48x98", "Sawn timber C24 48x98", "TIMBER", "M",
			new BigDecimal("2.35"), List.of("PALLET"), 0, BigDecimal.ONE);

	static final Product PLYWOOD = new Product("PLY-18MM", "Plywood 18 mm 1220x2440", "BOARDS", "PCS",
			new BigDecimal("42.90"), List.of("PALLET"), 0, BigDecimal.ONE);

	final PriceList rakennus = new PriceList(BigDecimal.ONE, Map.of("CEM-25KG", new BigDecimal("8.40")),
			Map.of("TIMBER", new BigDecimal("10"), "CEMENT", new BigDecimal("50")));

	@Test
	void contractPriceBeatsGroupDiscount() {
		assertThat(this.rakennus.unitPrice(CEMENT)).isEqualByComparingTo("8.40");
	}

	@Test
	void groupDiscountBeatsListPrice() {
		// 2.35 less 10 % = 2.115, rounded half-even to the cent
		assertThat(this.rakennus.unitPrice(TIMBER)).isEqualTo(new BigDecimal("2.12"));
	}

	@Test
	void listPriceAppliesWithoutContractPriceOrDiscount() {
		assertThat(this.rakennus.unitPrice(PLYWOOD)).isEqualTo(new BigDecimal("42.90"));
	}

	@Test
	void contractPriceMatchesSkuWhateverItsCase() {
		PriceList prices = new PriceList(BigDecimal.ONE, Map.of("TIM-48X98", new BigDecimal("1.99")), Map.of());
		assertThat(prices.unitPrice(TIMBER)).isEqualByComparingTo("1.99");
	}

	@Test
	void listPricesAreConvertedWithTheAgreementsFixedRate() {
		PriceList bygg = new PriceList(new BigDecimal("11.20"), Map.of(), Map.of("CEMENT", new BigDecimal("5")));
		assertThat(bygg.listPrice(CEMENT)).isEqualTo(new BigDecimal("110.88"));
		// 110.88 less 5 % = 105.336
		assertThat(bygg.unitPrice(CEMENT)).isEqualTo(new BigDecimal("105.34"));
	}

	@Test
	void lineTotalIsUnitPriceTimesQuantityToTheCent() {
		assertThat(this.rakennus.lineTotal(CEMENT, 40)).isEqualTo(new BigDecimal("336.00"));
		assertThat(this.rakennus.lineTotal(TIMBER, 3)).isEqualTo(new BigDecimal("6.36"));
	}

	@Test
	void roundsHalfToEven() {
		PriceList halfOff = new PriceList(BigDecimal.ONE, Map.of(), Map.of("BOARDS", new BigDecimal("50")));
		Product odd = new Product("X-1", "x", "BOARDS", "PCS", new BigDecimal("0.25"), List.of(), 0, BigDecimal.ONE);
		Product odder = new Product("X-2", "x", "BOARDS", "PCS", new BigDecimal("0.35"), List.of(), 0, BigDecimal.ONE);
		assertThat(halfOff.unitPrice(odd)).isEqualTo(new BigDecimal("0.12"));
		assertThat(halfOff.unitPrice(odder)).isEqualTo(new BigDecimal("0.18"));
	}
}

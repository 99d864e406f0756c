package org.leverans.agreement.agreements;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FreightTermsTest {

	static final BigDecimal NO_WEIGHT = BigDecimal.ZERO;

	static final BigDecimal SOME_GOODS = new BigDecimal("10.00");

	final FreightTerms freeOver = FreightTerms.freeOver(new BigDecimal("2000.00"), new BigDecimal("95.00"));

	final FreightTerms freeOverByWeight = FreightTerms.freeOverByWeight(new BigDecimal("5000.00"),
			new BigDecimal("0.12"), new BigDecimal("120.00"));

	@Test
	void chargesTheFeeBelowTheThreshold() {
		assertThat(this.freeOver.freightFor(new BigDecimal("336.00"), new BigDecimal("1000")))
			.isEqualTo(new BigDecimal("95.00"));
		assertThat(this.freeOver.freightFor(new BigDecimal("1999.99"), NO_WEIGHT)).isEqualTo(new BigDecimal("95.00"));
	}

	@Test
	void isFreeAtAndOverTheThreshold() {
		assertThat(this.freeOver.freightFor(new BigDecimal("2000.00"), NO_WEIGHT)).isEqualTo(new BigDecimal("0.00"));
		assertThat(this.freeOver.freightFor(new BigDecimal("2500.00"), NO_WEIGHT)).isEqualTo(new BigDecimal("0.00"));
	}

	@Test
	void flatFeeWhateverTheGoodsAndWeight() {
		FreightTerms flat = FreightTerms.flat(new BigDecimal("450"));
		assertThat(flat.freightFor(new BigDecimal("10.00"), new BigDecimal("5"))).isEqualTo(new BigDecimal("450.00"));
		assertThat(flat.freightFor(new BigDecimal("100000.00"), new BigDecimal("20000")))
			.isEqualTo(new BigDecimal("450.00"));
	}

	@Test
	void collectChargesNothing() {
		assertThat(FreightTerms.collect().freightFor(new BigDecimal("10.00"), new BigDecimal("500")))
			.isEqualTo(new BigDecimal("0.00"));
	}

	@Test
	void weightChargesTheRateTimesTheWeight() {
		FreightTerms weight = FreightTerms.byWeight(new BigDecimal("0.12"), null);
		// 40 bags × 25 kg
		assertThat(weight.freightFor(new BigDecimal("336.00"), new BigDecimal("1000")))
			.isEqualTo(new BigDecimal("120.00"));
		assertThat(weight.freightFor(new BigDecimal("99999.00"), new BigDecimal("2050.5")))
			.isEqualTo(new BigDecimal("246.06"));
	}

	@Test
	void weightChargeIsAtLeastTheMinimumFee() {
		FreightTerms weight = FreightTerms.byWeight(new BigDecimal("0.12"), new BigDecimal("120.00"));
		assertThat(weight.freightFor(new BigDecimal("50.00"), new BigDecimal("25"))).isEqualTo(new BigDecimal("120.00"));
		assertThat(weight.freightFor(new BigDecimal("50.00"), new BigDecimal("1500")))
			.isEqualTo(new BigDecimal("180.00"));
	}

	@Test
	void weightChargeRoundsHalfEvenToTheCent() {
		FreightTerms weight = FreightTerms.byWeight(new BigDecimal("0.1"), null);
		// 0.125 → 0.12 and 0.135 → 0.14: the half goes to the even cent
		assertThat(weight.freightFor(SOME_GOODS, new BigDecimal("1.25"))).isEqualTo(new BigDecimal("0.12"));
		assertThat(weight.freightFor(SOME_GOODS, new BigDecimal("1.35"))).isEqualTo(new BigDecimal("0.14"));
		assertThat(weight.freightFor(SOME_GOODS, new BigDecimal("1.251"))).isEqualTo(new BigDecimal("0.13"));
	}

	@Test
	void freeOverFallsBackToTheWeightChargeBelowTheThreshold() {
		// 40 × 25 kg + 10 × 35 kg = 1350 kg × 0.12 = 162.00
		assertThat(this.freeOverByWeight.freightFor(new BigDecimal("765.00"), new BigDecimal("1350")))
			.isEqualTo(new BigDecimal("162.00"));
		assertThat(this.freeOverByWeight.freightFor(new BigDecimal("765.00"), new BigDecimal("100")))
			.as("minimum fee").isEqualTo(new BigDecimal("120.00"));
		assertThat(this.freeOverByWeight.freightFor(new BigDecimal("5000.00"), new BigDecimal("20000")))
			.as("free at the threshold, however heavy").isEqualTo(new BigDecimal("0.00"));
	}

	@Test
	void freeOverNeedsThresholdAndAFeeOrARate() {
		assertThatIllegalArgumentException().isThrownBy(() -> FreightTerms.freeOver(null, new BigDecimal("95")));
		assertThatIllegalArgumentException().isThrownBy(() -> FreightTerms.freeOver(new BigDecimal("2000"), null));
	}

	@Test
	void chargesAFeeOrByWeightNeverBoth() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FreightTerms(FreightTerms.Code.FREE_OVER,
				new BigDecimal("2000"), new BigDecimal("95"), new BigDecimal("0.12"), null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FreightTerms(FreightTerms.Code.FLAT, null, new BigDecimal("95"), null,
					new BigDecimal("120")));
		assertThatIllegalArgumentException().isThrownBy(() -> FreightTerms.byWeight(null, null));
	}

}

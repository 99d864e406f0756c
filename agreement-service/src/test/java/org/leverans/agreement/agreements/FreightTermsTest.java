package org.leverans.agreement.agreements;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FreightTermsTest {

	final FreightTerms freeOver = new FreightTerms(FreightTerms.Code.FREE_OVER, new BigDecimal("2000.00"),
			new BigDecimal("95.00"));

	@Test
	void chargesTheFeeBelowTheThreshold() {
		assertThat(this.freeOver.freightFor(new BigDecimal("336.00"))).isEqualTo(new BigDecimal("95.00"));
		assertThat(this.freeOver.freightFor(new BigDecimal("1999.99"))).isEqualTo(new BigDecimal("95.00"));
	}

	@Test
	void isFreeAtAndOverTheThreshold() {
		assertThat(this.freeOver.freightFor(new BigDecimal("2000.00"))).isEqualTo(new BigDecimal("0.00"));
		assertThat(this.freeOver.freightFor(new BigDecimal("2500.00"))).isEqualTo(new BigDecimal("0.00"));
	}

	@Test
	void flatFeeWhateverTheGoods() {
		FreightTerms flat = new FreightTerms(FreightTerms.Code.FLAT, null, new BigDecimal("450"));
		assertThat(flat.freightFor(new BigDecimal("10.00"))).isEqualTo(new BigDecimal("450.00"));
		assertThat(flat.freightFor(new BigDecimal("100000.00"))).isEqualTo(new BigDecimal("450.00"));
	}

	@Test
	void collectChargesNothing() {
		FreightTerms collect = new FreightTerms(FreightTerms.Code.COLLECT, null, null);
		assertThat(collect.freightFor(new BigDecimal("10.00"))).isEqualTo(new BigDecimal("0.00"));
	}

	@Test
	void freeOverNeedsThresholdAndFee() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FreightTerms(FreightTerms.Code.FREE_OVER, null, new BigDecimal("95")));
	}
}

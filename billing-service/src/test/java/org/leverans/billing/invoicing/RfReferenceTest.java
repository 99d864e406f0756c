package org.leverans.billing.invoicing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RfReferenceTest {

	@Test
	void computesTheCheckDigitsOfTheStandardsExample() {
		// ISO 11649's own example: RF18 5390 0754 7034
		assertThat(RfReference.of("539007547034")).isEqualTo("RF18539007547034");
	}

	@Test
	void acceptsAReferenceWhateverItsSpacesAndCase() {
		assertThat(RfReference.isValid("RF18 5390 0754 7034")).isTrue();
		assertThat(RfReference.isValid("rf18539007547034")).isTrue();
		assertThat(RfReference.isValid(RfReference.of("2026000042"))).isTrue();
	}

	@Test
	void rejectsWrongCheckDigitsAndOtherPrefixes() {
		assertThat(RfReference.isValid("RF19539007547034")).isFalse();
		assertThat(RfReference.isValid("FI18539007547034")).isFalse();
		assertThat(RfReference.isValid("RF18")).isFalse();
		assertThat(RfReference.isValid(null)).isFalse();
	}

	@Test
	void refusesABaseThatIsTooLongOrNotAlphanumeric() {
		assertThatIllegalArgumentException().isThrownBy(() -> RfReference.of("1234567890123456789012"));
		assertThatIllegalArgumentException().isThrownBy(() -> RfReference.of("12-34"));
	}

	@Test
	void printsInGroupsOfFour() {
		assertThat(RfReference.printed("RF18539007547034")).isEqualTo("RF18 5390 0754 7034");
	}
}

package org.leverans.agreement.agreements;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentTermsTest {

	@Test
	void dueDateIsOrderDatePlusTheTermsCalendarDays() {
		assertThat(new PaymentTerms("NET_30", 30).dueDate(LocalDate.of(2026, 12, 3))).isEqualTo(LocalDate.of(2027, 1, 2));
		assertThat(new PaymentTerms("NET_14", 14).dueDate(LocalDate.of(2026, 2, 20))).isEqualTo(LocalDate.of(2026, 3, 6));
	}
}

package org.leverans.agreement.agreements;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingDaysTest {

	static final LocalDate THURSDAY = LocalDate.of(2026, 11, 19);

	static final LocalDate FRIDAY = LocalDate.of(2026, 11, 20);

	static final LocalDate SATURDAY = LocalDate.of(2026, 11, 21);

	static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

	@Test
	void oneWorkingDayAfterFridayIsMonday() {
		assertThat(WorkingDays.add(FRIDAY, 1)).isEqualTo(MONDAY);
	}

	@Test
	void twoWorkingDaysAfterThursdaySkipTheWeekend() {
		assertThat(WorkingDays.add(THURSDAY, 2)).isEqualTo(MONDAY);
	}

	@Test
	void orderPlacedOnSaturdayCountsFromMonday() {
		assertThat(WorkingDays.add(SATURDAY, 1)).isEqualTo(MONDAY);
		assertThat(WorkingDays.add(SATURDAY, 2)).isEqualTo(MONDAY.plusDays(1));
	}

	@Test
	void withinTheWeekEveryDayCounts() {
		assertThat(WorkingDays.add(MONDAY, 3)).isEqualTo(LocalDate.of(2026, 11, 26));
	}

	@Test
	void zeroDaysIsTheSameDay() {
		assertThat(WorkingDays.add(FRIDAY, 0)).isEqualTo(FRIDAY);
	}

	@Test
	void minimumLeadTimeIsCountedInWorkingDays() {
		DeliveryOptions twoDays = new DeliveryOptions(false, false, java.util.List.of("PALLET"), 2, java.util.List.of());
		assertThat(twoDays.earliestDeliveryDate(FRIDAY)).isEqualTo(LocalDate.of(2026, 11, 24));
	}
}

package org.leverans.order.reminders;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReorderCadenceTest {

	private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

	@Test
	void learnsTheMedianDaysBetweenOrdersAndTheMedianQuantity() {
		ReorderCadence cadence = ReorderCadence.of(List.of(ordered(0, 40), ordered(7, 40), ordered(15, 60),
				ordered(21, 38)), 3).orElseThrow();

		assertThat(cadence.everyDays()).isEqualTo(7);
		assertThat(cadence.quantity()).isEqualTo(40);
		assertThat(cadence.lastOrdered()).isEqualTo(MONDAY.plusDays(21));
		assertThat(cadence.dueOn()).isEqualTo(MONDAY.plusDays(28));
	}

	@Test
	void oneLongGapDoesNotMoveTheCadence() {
		ReorderCadence cadence = ReorderCadence.of(List.of(ordered(0, 10), ordered(14, 10), ordered(28, 10),
				ordered(70, 10), ordered(84, 10)), 3).orElseThrow();

		assertThat(cadence.everyDays()).isEqualTo(14);
	}

	@Test
	void ordersOnOneDayCountAsOneOrderOfTheirTotal() {
		ReorderCadence cadence = ReorderCadence.of(List.of(ordered(0, 20), ordered(0, 20), ordered(10, 40),
				ordered(20, 40)), 3).orElseThrow();

		assertThat(cadence.everyDays()).isEqualTo(10);
		assertThat(cadence.quantity()).isEqualTo(40);
	}

	@Test
	void learnsNothingFromFewerOrderDaysThanItNeeds() {
		assertThat(ReorderCadence.of(List.of(ordered(0, 40), ordered(7, 40)), 3)).isEmpty();
		assertThat(ReorderCadence.of(List.of(ordered(0, 40), ordered(0, 40), ordered(7, 40)), 3)).isEmpty();
	}

	@Test
	void suggestsFromTheLeadBeforeItIsDueUntilAWholeCadenceHasPassedWithoutAnOrder() {
		ReorderCadence weekly = new ReorderCadence(MONDAY, 7, 40);

		assertThat(weekly.suggestOn(MONDAY.plusDays(3), 3)).as("four days before due").isFalse();
		assertThat(weekly.suggestOn(MONDAY.plusDays(4), 3)).as("three days before due").isTrue();
		assertThat(weekly.suggestOn(MONDAY.plusDays(7), 3)).as("due").isTrue();
		assertThat(weekly.suggestOn(MONDAY.plusDays(13), 3)).as("six days late").isTrue();
		assertThat(weekly.suggestOn(MONDAY.plusDays(14), 3)).as("a whole cadence late: stopped ordering").isFalse();
	}

	private static ReorderCadence.Ordered ordered(int day, int quantity) {
		return new ReorderCadence.Ordered(MONDAY.plusDays(day), quantity);
	}
}

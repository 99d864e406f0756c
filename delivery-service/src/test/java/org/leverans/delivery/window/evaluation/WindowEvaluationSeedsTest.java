package org.leverans.delivery.window.evaluation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WindowEvaluationSeedsTest {

	@Test
	void runsTheOneSeedWhenNoSeedsAreGiven() {
		assertThat(WindowEvaluation.seeds(null, 42)).containsExactly(42L);
		assertThat(WindowEvaluation.seeds(" ", 7)).containsExactly(7L);
	}

	@Test
	void readsSeedsAsARangeAListOrBoth() {
		assertThat(WindowEvaluation.seeds("1-4", 42)).containsExactly(1L, 2L, 3L, 4L);
		assertThat(WindowEvaluation.seeds("1,4,7", 42)).containsExactly(1L, 4L, 7L);
		assertThat(WindowEvaluation.seeds("1-2, 42", 7)).containsExactly(1L, 2L, 42L);
	}

	@Test
	void refusesARangeThatRunsBackwards() {
		assertThatIllegalArgumentException().isThrownBy(() -> WindowEvaluation.seeds("9-1", 42))
			.withMessageContaining("9-1");
	}
}

package org.leverans.bench.measure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProcessCpuTest {

	private static final String STAT = "4242 (java (order) svc) S 1 4242 4242 0 -1 4194560 1000 0 0 0 "
			+ "250 50 30 20 20 0 40 0 12345 0 0";

	@Test
	void readsUserAndSystemTimeAfterACommandNameWithSpacesAndParentheses() {
		assertThat(ProcessCpu.parse(STAT, false)).isCloseTo(3.0, within(1e-9));
	}

	@Test
	void countsTheTimeOfChildrenThatHaveAlreadyExitedWhenAsked() {
		assertThat(ProcessCpu.parse(STAT, true)).isCloseTo(3.5, within(1e-9));
	}

	@Test
	void thisVeryProcessHasUsedSomeCpu() {
		assertThat(ProcessCpu.secondsWithDescendants(ProcessHandle.current().pid())).isPositive();
	}
}

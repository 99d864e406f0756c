package org.leverans.bench.load;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScheduleTest {

	@Test
	void spacesRequestsEvenlyAtTheOfferedRateWhateverTheAnswers() {
		Schedule schedule = new Schedule(200, Duration.ofSeconds(120));

		assertThat(schedule.requests()).isEqualTo(24_000);
		assertThat(schedule.dueNanos(0)).isZero();
		assertThat(schedule.dueNanos(1)).isEqualTo(5_000_000);
		assertThat(schedule.dueNanos(200)).isEqualTo(1_000_000_000);
	}

	@Test
	void aFractionalRateStillAddsUp() {
		Schedule schedule = new Schedule(2.5, Duration.ofSeconds(10));

		assertThat(schedule.requests()).isEqualTo(25);
		assertThat(schedule.dueNanos(5)).isEqualTo(2_000_000_000);
	}

	@Test
	void refusesARateThatIsNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Schedule(0, Duration.ofSeconds(1)));
	}
}

package org.leverans.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchOptionsTest {

	private static final Path HOME = Path.of("/tmp/leverans");

	@Test
	void readsTheRateDurationAndKneeSearchOfTheReadmesCommand() {
		BenchOptions options = BenchOptions.parse(List.of("--rate", "200", "--duration", "120", "--find-knee"), HOME);

		assertThat(options.rate()).isEqualTo(200);
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(120));
		assertThat(options.findKnee()).isTrue();
		assertThat(options.home()).isEqualTo(HOME);
		assertThat(options.client()).isEqualTo("rakennus-erp");
	}

	@Test
	void partnerEventsAreOfferedInBatchesOfAHundredUnlessToldOtherwise() {
		BenchOptions batched = BenchOptions.parse(List.of("--partner-events", "--rate", "5000"), HOME);
		BenchOptions single = BenchOptions.parse(List.of("--partner-events", "--batch", "1"), HOME);

		assertThat(batched.partnerEvents()).isTrue();
		assertThat(batched.batch()).isEqualTo(100);
		assertThat(single.batch()).isEqualTo(1);
		assertThat(BenchOptions.parse(List.of(), HOME).partnerEvents()).isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchOptions.parse(List.of("--partner-events", "--batch", "1001"), HOME));
	}

	@Test
	void refusesAnOptionItDoesNotKnowRatherThanIgnoringIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(List.of("--rat", "5"), HOME))
			.withMessageContaining("--rat");
	}

	@Test
	void refusesAnOptionWithoutItsValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(List.of("--rate"), HOME));
	}
}

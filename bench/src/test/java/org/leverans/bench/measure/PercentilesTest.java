package org.leverans.bench.measure;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PercentilesTest {

	@Test
	void takesTheNearestRankSoEveryPercentileIsAValueThatWasMeasured() {
		Percentiles latencies = Percentiles.of(IntStream.rangeClosed(1, 100).boxed().toList());

		assertThat(latencies.at(50)).isEqualTo(50);
		assertThat(latencies.at(95)).isEqualTo(95);
		assertThat(latencies.at(99)).isEqualTo(99);
		assertThat(latencies.at(100)).isEqualTo(100);
	}

	@Test
	void oneSlowRequestInTenIsThePercentileNinetyFive() {
		Percentiles latencies = Percentiles.of(List.of(10, 10, 10, 10, 10, 10, 10, 10, 10, 3000));

		assertThat(latencies.at(50)).isEqualTo(10);
		assertThat(latencies.at(95)).isEqualTo(3000);
		assertThat(latencies.summary()).isEqualTo("10 ms / 3.00 s / 3.00 s");
	}

	@Test
	void nothingMeasuredIsShownAsADashNotAsZero() {
		Percentiles none = Percentiles.of(List.of());

		assertThat(none.at(99)).isNaN();
		assertThat(none.summary()).isEqualTo("—");
	}
}

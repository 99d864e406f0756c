package org.leverans.delivery.window;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConformalBoundsTest {

	@Test
	void unweightedBoundsAreTheSplitConformalOrderStatistics() {
		// 79 errors of 1..79 minutes; at 95% each side takes level 0.975: the ⌈80 · 0.975⌉ = 78th smallest and
		// the 78th largest.
		ConformalBounds bounds = bounds(IntStream.rangeClosed(1, 79).map(i -> i).toArray(), 0.95);

		assertThat(bounds.reachesCoverage()).isTrue();
		assertThat(bounds.to()).isEqualTo(Duration.ofMinutes(78));
		assertThat(bounds.from()).isEqualTo(Duration.ofMinutes(2));
		assertThat(bounds.deliveries()).isEqualTo(79);
		assertThat(bounds.earliest()).isEqualTo(Duration.ofMinutes(1));
		assertThat(bounds.latest()).isEqualTo(Duration.ofMinutes(79));
	}

	@Test
	void tooFewSamplesForTheCoverageGiveNoBounds() {
		// 38 samples: (38 + 1) · 0.975 = 38.03 > 38, so even the largest error cannot promise 97.5% on one side.
		ConformalBounds bounds = bounds(IntStream.rangeClosed(1, 38).toArray(), 0.95);

		assertThat(bounds.reachesCoverage()).isFalse();
		assertThat(bounds.from()).isNull();
		assertThat(bounds.to()).isNull();
		assertThat(bounds.latest()).isEqualTo(Duration.ofMinutes(38));
	}

	@Test
	void justEnoughSamplesGiveTheExtremesAsBounds() {
		ConformalBounds bounds = bounds(IntStream.rangeClosed(1, 39).toArray(), 0.95);

		assertThat(bounds.from()).isEqualTo(Duration.ofMinutes(1));
		assertThat(bounds.to()).isEqualTo(Duration.ofMinutes(39));
	}

	@Test
	void aLowerTargetCoverageGivesANarrowerWindow() {
		int[] errors = IntStream.rangeClosed(-50, 50).toArray();

		ConformalBounds ninetyFive = bounds(errors, 0.95);
		ConformalBounds eighty = bounds(errors, 0.80);

		assertThat(eighty.to()).isLessThan(ninetyFive.to());
		assertThat(eighty.from()).isGreaterThan(ninetyFive.from());
	}

	@Test
	void heavierSamplesPullTheBoundTowardsThem() {
		// Half the samples late by an hour; they decide the bound only when they weigh more.
		List<ConformalBounds.Weighted> recentLate = IntStream.range(0, 200)
			.mapToObj(i -> weighted((i < 100) ? 60 : 0, (i < 100) ? 1.0 : 0.1))
			.toList();
		List<ConformalBounds.Weighted> recentPunctual = IntStream.range(0, 200)
			.mapToObj(i -> weighted((i < 100) ? 60 : 0, (i < 100) ? 0.1 : 1.0))
			.toList();

		assertThat(ConformalBounds.of(recentLate, 200, 0.5).from()).isEqualTo(Duration.ofMinutes(60));
		assertThat(ConformalBounds.of(recentPunctual, 200, 0.5).from()).isEqualTo(Duration.ZERO);
	}

	@Test
	void coversTheTargetShareOfNewArrivalsOnSeededData() {
		// Split conformal promises at least the target on exchangeable data: calibrate on 400 draws, test on 20,000.
		SplittableRandom random = new SplittableRandom(12);
		int[] calibration = IntStream.range(0, 400).map(i -> (int) Math.round(random.nextGaussian() * 20)).toArray();
		ConformalBounds bounds = bounds(calibration, 0.95);

		long inside = IntStream.range(0, 20_000)
			.map(i -> (int) Math.round(random.nextGaussian() * 20))
			.filter(e -> e >= bounds.from().toMinutes() && e <= bounds.to().toMinutes())
			.count();

		assertThat(inside / 20_000.0).isBetween(0.93, 0.99);
	}

	private static ConformalBounds bounds(int[] errorMinutes, double coverage) {
		List<ConformalBounds.Weighted> samples = IntStream.of(errorMinutes).mapToObj(m -> weighted(m, 1.0)).toList();
		return ConformalBounds.of(samples, samples.size(), coverage);
	}

	private static ConformalBounds.Weighted weighted(int minutes, double weight) {
		Duration error = Duration.ofMinutes(minutes);
		return new ConformalBounds.Weighted(new ArrivalSample(HorizonBand.UNDER_30_MIN, error, error), weight);
	}
}

package org.leverans.delivery.window;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConformalBoundsTest {

	@Test
	void unweightedBoundsAreTheNarrowestSpanOfOrderStatisticsThatHoldsTheCoverage() {
		// 79 errors of 1..79 minutes: a window from the i-th to the j-th smallest holds the next arrival with
		// probability (j - i) / 80, so at 95% j - i must be at least 76.
		ConformalBounds bounds = bounds(IntStream.rangeClosed(1, 79).toArray(), 0.95);

		assertThat(bounds.reachesCoverage()).isTrue();
		assertThat(bounds.to().minus(bounds.from())).isEqualTo(Duration.ofMinutes(76));
		assertThat(bounds.from()).isBetween(Duration.ofMinutes(1), Duration.ofMinutes(3));
		assertThat(bounds.deliveries()).isEqualTo(79);
		assertThat(bounds.earliest()).isEqualTo(Duration.ofMinutes(1));
		assertThat(bounds.latest()).isEqualTo(Duration.ofMinutes(79));
	}

	@Test
	void aCarrierWhoseMissesLieOnOneSideMissesOnlyOnThatSide() {
		// Mostly within a minute, and one in five up to 40 minutes late. Equal tails would leave out as many early
		// arrivals as late ones, but there are no early ones to leave out: the window spends all its misses late.
		int[] errors = IntStream.range(0, 400).map(i -> (i % 5 == 0) ? (i * 7) % 41 : (i % 3) - 1).toArray();
		int equalTailsTo = IntStream.of(errors).sorted().toArray()[(int) Math.ceil(401 * 0.975) - 1];

		ConformalBounds bounds = bounds(errors, 0.95);

		assertThat(bounds.from()).isEqualTo(Duration.ofMinutes(-1));
		assertThat(bounds.to()).isLessThan(Duration.ofMinutes(equalTailsTo));
		assertThat(IntStream.of(errors).filter(e -> e > bounds.to().toMinutes()).count()).isLessThanOrEqualTo(20);
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

		assertThat(eighty.to().minus(eighty.from())).isLessThan(ninetyFive.to().minus(ninetyFive.from()));
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

	@Test
	void movesTheSamplesToWhereAClearTrendStandsNow() {
		// A carrier 40 minutes late now, a tenth of a minute less per older delivery, give or take two minutes.
		SplittableRandom random = new SplittableRandom(3);
		List<ConformalBounds.Weighted> drifting = IntStream.range(0, 300)
			.mapToObj(rank -> new ConformalBounds.Weighted(
					ArrivalSample.point(Duration.ofSeconds(Math.round((40 - 0.1 * rank + random.nextDouble(-2, 2)) * 60))),
					1.0, rank))
			.toList();

		ConformalBounds bounds = ConformalBounds.of(drifting, 300, 0.95);

		assertThat(bounds.from()).isBetween(Duration.ofMinutes(37), Duration.ofMinutes(40));
		assertThat(bounds.to()).isBetween(Duration.ofMinutes(40), Duration.ofMinutes(43));
	}

	@Test
	void movesAFinerHorizonsSamplesAlongTheDriftTheirWholeBandShows() {
		// The band: a carrier 40 minutes late now, a tenth of a minute less per older delivery. A finer horizon holds
		// every tenth delivery only, each 25 minutes late: on their own they show no trend at all.
		SplittableRandom random = new SplittableRandom(5);
		List<ConformalBounds.Weighted> band = IntStream.range(0, 300)
			.mapToObj(rank -> new ConformalBounds.Weighted(
					ArrivalSample.point(Duration.ofSeconds(Math.round((40 - 0.1 * rank + random.nextDouble(-2, 2)) * 60))),
					1.0, rank))
			.toList();
		List<ConformalBounds.Weighted> finer = IntStream.range(0, 30)
			.mapToObj(i -> new ConformalBounds.Weighted(ArrivalSample.point(Duration.ofMinutes(25)), 1.0, i * 10))
			.toList();

		ConformalBounds alone = ConformalBounds.of(finer, 30, 0.9);
		ConformalBounds alongTheBand = ConformalBounds.of(finer, 30, 0.9, ConformalBounds.Trend.of(band));

		assertThat(alone.from()).isEqualTo(Duration.ofMinutes(25));
		assertThat(alone.to()).isEqualTo(Duration.ofMinutes(25));
		// Each moved by what the band's trend did since its delivery: the older, the later it would land today.
		assertThat(alongTheBand.from()).isBetween(Duration.ofMinutes(25), Duration.ofMinutes(28));
		assertThat(alongTheBand.to()).isGreaterThan(Duration.ofMinutes(50));
	}

	@Test
	void leavesScatterWithoutATrendWhereItIs() {
		SplittableRandom random = new SplittableRandom(4);
		List<ConformalBounds.Weighted> scattered = IntStream.range(0, 300)
			.mapToObj(rank -> new ConformalBounds.Weighted(ArrivalSample.point(Duration.ofMinutes(random.nextInt(-10, 11))),
					1.0, rank))
			.toList();

		ConformalBounds asDrawn = ConformalBounds.of(scattered, 300, 0.9);
		ConformalBounds unmoved = ConformalBounds.of(scattered, 300, 0.9, new ConformalBounds.Trend(0, 0));

		assertThat(asDrawn.from()).isEqualTo(unmoved.from());
		assertThat(asDrawn.to()).isEqualTo(unmoved.to());
	}

	@Test
	void keepsItsCoverageForACarrierThatDriftsLaterAndScattersMoreAsItDoes() {
		// Forty minutes later over 480 deliveries, of which each ETA shows a share between none and all: the level
		// moves and the scatter grows with it. Each delivery is scored against the window drawn from the ones before
		// it, recent ones weighing more (half-life 70), as the service draws them; three draws of 380 scored
		// deliveries. Moving the samples along the trend alone held 91 % of them.
		int inside = 0;
		int scored = 0;
		for (long seed = 1; seed <= 3; seed++) {
			SplittableRandom random = new SplittableRandom(seed);
			List<Double> errors = new ArrayList<>();
			for (int delivery = 0; delivery < 480; delivery++) {
				double drift = 40.0 * delivery / 480;
				double error = drift * random.nextDouble() + random.nextGaussian() * 5;
				if (delivery >= 100) {
					ConformalBounds bounds = ConformalBounds.of(recentFirst(errors, 70), errors.size(), 0.95);
					scored++;
					if (error * 60 >= bounds.from().toSeconds() && error * 60 <= bounds.to().toSeconds()) {
						inside++;
					}
				}
				errors.add(error);
			}
		}

		assertThat((double) inside / scored).isBetween(0.93, 0.97);
	}

	@Test
	void leavesTheWindowOfACarrierWithoutATrendAsDrawn() {
		SplittableRandom random = new SplittableRandom(6);
		List<Double> errors = new ArrayList<>();
		for (int delivery = 0; delivery < 300; delivery++) {
			errors.add(random.nextGaussian() * 5);
		}
		List<ConformalBounds.Weighted> steady = recentFirst(errors, 70);

		assertThat(ConformalBounds.trendStrength(steady)).isLessThan(ConformalBounds.LEANING);
		ConformalBounds bounds = ConformalBounds.of(steady, 300, 0.95);
		assertThat(ConformalBounds.of(steady.stream().map(w -> new ConformalBounds.Weighted(w.sample(), w.weight(), 0))
			.toList(), 300, 0.95)).isEqualTo(bounds);
	}

	@Test
	void countsRecentMissesByHowLongTheirWindowsStoodRatherThanByDelivery() {
		// A carrier leaning later: within ten minutes of its ETAs, the last 150 deliveries two minutes later, and one
		// of the 30 most recent 25 minutes after it. Per delivery that is one miss in 30, fewer than 5 % allow; but
		// that delivery's ETA, so far off, stood in this horizon for half an hour while the others' passed through in
		// a minute: for most of the time receivers looked at this horizon lately, its window was wrong.
		List<ConformalBounds.Weighted> shownEqually = new ArrayList<>();
		List<ConformalBounds.Weighted> missShownLongest = new ArrayList<>();
		for (int rank = 0; rank < 330; rank++) {
			int minutes = (rank == 12) ? 25 : ((rank * 8) % 21 - 10) + ((rank < 150) ? 2 : 0);
			ArrivalSample sample = ArrivalSample.point(Duration.ofMinutes(minutes));
			double weight = Math.pow(0.5, rank / 70.0);
			shownEqually.add(new ConformalBounds.Weighted(sample, weight, rank));
			missShownLongest.add(new ConformalBounds.Weighted(sample, weight, rank, weight * ((rank == 12) ? 30 : 1)));
		}
		assertThat(ConformalBounds.trendStrength(shownEqually)).isGreaterThanOrEqualTo(ConformalBounds.LEANING);

		ConformalBounds asDrawn = ConformalBounds.of(shownEqually, 330, 0.95);
		ConformalBounds checked = ConformalBounds.of(missShownLongest, 330, 0.95);

		assertThat(asDrawn.to()).isLessThan(Duration.ofMinutes(25));
		assertThat(checked.to()).isGreaterThanOrEqualTo(Duration.ofMinutes(25));
		assertThat(checked.from()).isLessThanOrEqualTo(asDrawn.from());
	}

	/** The errors in minutes, oldest first, as weighted samples most recent first. */
	private static List<ConformalBounds.Weighted> recentFirst(List<Double> errors, int halfLife) {
		List<ConformalBounds.Weighted> samples = new ArrayList<>();
		for (int rank = 0; rank < errors.size(); rank++) {
			double minutes = errors.get(errors.size() - 1 - rank);
			samples.add(new ConformalBounds.Weighted(ArrivalSample.point(Duration.ofSeconds(Math.round(minutes * 60))),
					Math.pow(0.5, (double) rank / halfLife), rank));
		}
		return samples;
	}

	private static ConformalBounds bounds(int[] errorMinutes, double coverage) {
		List<ConformalBounds.Weighted> samples = IntStream.of(errorMinutes).mapToObj(m -> weighted(m, 1.0)).toList();
		return ConformalBounds.of(samples, samples.size(), coverage);
	}

	private static ConformalBounds.Weighted weighted(int minutes, double weight) {
		// All of one delivery's age: no trend to follow.
		return new ConformalBounds.Weighted(ArrivalSample.point(Duration.ofMinutes(minutes)), weight, 0);
	}
}

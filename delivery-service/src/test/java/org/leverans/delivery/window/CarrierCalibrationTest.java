package org.leverans.delivery.window;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.shipment.WindowConfidence;

import static org.assertj.core.api.Assertions.assertThat;

class CarrierCalibrationTest {

	static final Horizon BAND = Horizon.of(HorizonBand.MIN_30_TO_45);

	static final Duration MARGIN = Duration.ofMinutes(30);

	static final WindowProperties.Calibration CALIBRATION = new WindowProperties.Calibration(0.95, 30, 100, 500,
			Duration.ofHours(12), 40, List.of());

	@Test
	void aCarrierWithPlentyOfEvidenceIsCalibratedByItsOwnDeliveriesAlone() {
		CarrierCalibration calibration = new CarrierCalibration(own(Outcomes.spread(400, 10)),
				bounds(Outcomes.spread(400, 30)), CALIBRATION);

		CarrierCalibration.WindowBounds bounds = calibration.bounds(BAND, MARGIN.negated(), MARGIN);

		// ±10 minutes of scatter, some 140 deliveries' worth: neither everyone's ±30 nor the margins pull it wider.
		assertThat(bounds.confidence()).isEqualTo(WindowConfidence.calibrated(400, 0.95));
		assertThat(bounds.to()).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
		assertThat(bounds.from()).isBetween(Duration.ofMinutes(-10), Duration.ofMinutes(-9));
	}

	@Test
	void shrinksTheCarriersOwnBoundsTowardsEveryCarriersWhileTheyWeighLessThanSufficient() {
		Map<Horizon, ConformalBounds> everyone = bounds(Outcomes.spread(400, 20));
		CarrierCalibration young = shrinkingUpTo(200, own(Outcomes.spread(80, 5)), everyone);
		CarrierCalibration grown = shrinkingUpTo(200, own(Outcomes.spread(400, 5)), everyone);

		Duration youngTo = young.bounds(BAND, MARGIN.negated(), MARGIN).to();
		Duration grownTo = grown.bounds(BAND, MARGIN.negated(), MARGIN).to();

		// Both lie between the carrier's own ±5 and everyone's ±20; the young carrier's nearer everyone's.
		assertThat(youngTo).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(20));
		assertThat(grownTo).isBetween(Duration.ofMinutes(5), youngTo);
		assertThat(grownTo).isGreaterThan(Duration.ofMinutes(5));
	}

	@Test
	void leansOnEveryCarrierAndThenTheFixedMarginsWhileTheCarriersOwnEvidenceIsThin() {
		Map<Horizon, ConformalBounds> everyone = bounds(Outcomes.spread(400, 20));

		CarrierCalibration.WindowBounds pooled = new CarrierCalibration(own(Outcomes.spread(10, 5)), everyone,
				CALIBRATION)
			.bounds(BAND, MARGIN.negated(), MARGIN);
		CarrierCalibration.WindowBounds fixed = new CarrierCalibration(own(Outcomes.spread(10, 5)), Map.of(),
				CALIBRATION)
			.bounds(BAND, MARGIN.negated(), MARGIN);

		assertThat(pooled.confidence()).isEqualTo(WindowConfidence.pooled(400, 0.95));
		assertThat(pooled.to()).isBetween(Duration.ofMinutes(20), MARGIN);
		assertThat(fixed.confidence()).isEqualTo(WindowConfidence.defaultMargins(10));
		assertThat(fixed.to()).isEqualTo(MARGIN);
		assertThat(fixed.from()).isEqualTo(MARGIN.negated());
	}

	@Test
	void neverClaimsTheTargetCoverageOnTooFewOfTheCarriersOwnDeliveries() {
		// 38 deliveries cannot support a 95% window, however tidy they are.
		CarrierCalibration.WindowBounds bounds = new CarrierCalibration(own(Outcomes.spread(38, 1)), Map.of(),
				new WindowProperties.Calibration(0.95, 30, 1_000_000, 500, Duration.ofHours(12), 0, List.of()))
			.bounds(BAND, MARGIN.negated(), MARGIN);

		assertThat(bounds.confidence().kind()).isEqualTo(WindowConfidence.DEFAULT_MARGINS);
		assertThat(bounds.confidence().coverage()).isNull();
	}

	@Test
	void shrinkingNeverMakesAWindowNarrowerThanTheCarriersOwnEvidence() {
		// Everyone else is punctual; this carrier arrives up to an hour late.
		Map<Horizon, ConformalBounds> everyone = bounds(Outcomes.spread(400, 2));
		Map<Horizon, ConformalBounds> late = own(
				Outcomes.shuffled(IntStream.range(0, 60).mapToObj(i -> Duration.ofMinutes(i)).toList()));
		Map<Horizon, ConformalBounds> fewLate = own(Collections.nCopies(5, Duration.ofMinutes(50)));

		CarrierCalibration.WindowBounds calibrated = shrinkingUpTo(1000, late, everyone).bounds(BAND,
				MARGIN.negated(), MARGIN);
		CarrierCalibration.WindowBounds thin = shrinkingUpTo(1000, fewLate, everyone).bounds(BAND, MARGIN.negated(),
				MARGIN);

		assertThat(calibrated.to()).isEqualTo(late.get(BAND).to());
		assertThat(thin.to()).isEqualTo(Duration.ofMinutes(50));
	}

	@Test
	void anEtaGivenLongAgoIsCalibratedByTheCarriersEtasOfTheSameNoticeWhenThereAreEnough() {
		// Twenty minutes ahead, the carrier's fresh ETAs are within 3 minutes; those given 4 to 12 hours ahead, 40.
		Horizon fresh = Horizon.of(HorizonBand.MIN_20_TO_30, EtaNotice.UNDER_30_MIN);
		Horizon old = Horizon.of(HorizonBand.MIN_20_TO_30, EtaNotice.H_4_TO_12);
		Map<Horizon, ConformalBounds> own = Map.of(Horizon.of(HorizonBand.MIN_20_TO_30),
				bounds(Outcomes.spread(400, 3)).get(BAND), old, bounds(Outcomes.spread(100, 40)).get(BAND));
		CarrierCalibration calibration = new CarrierCalibration(own, Map.of(), CALIBRATION);

		assertThat(calibration.bounds(old, MARGIN.negated(), MARGIN).to()).isGreaterThanOrEqualTo(Duration.ofMinutes(36));
		assertThat(calibration.bounds(fresh, MARGIN.negated(), MARGIN).to()).isLessThanOrEqualTo(Duration.ofMinutes(3));
	}

	/** Shrinks the carrier's own evidence until it weighs {@code sufficientWeight}. */
	private static CarrierCalibration shrinkingUpTo(double sufficientWeight, Map<Horizon, ConformalBounds> own,
			Map<Horizon, ConformalBounds> everyone) {
		return new CarrierCalibration(own, everyone, 0.95, 30, sufficientWeight);
	}

	private static Map<Horizon, ConformalBounds> own(List<Duration> errors) {
		return bounds(errors);
	}

	private static Map<Horizon, ConformalBounds> bounds(List<Duration> errors) {
		return Outcomes.bounds(CALIBRATION, BAND, errors);
	}
}

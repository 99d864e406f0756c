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

	static final HorizonBand BAND = HorizonBand.MIN_30_TO_90;

	static final Duration MARGIN = Duration.ofMinutes(30);

	final ArrivalCalibrator calibrator = new ArrivalCalibrator(new WindowProperties.Calibration(0.95, 30, 100, 500, Duration.ofHours(12)));

	@Test
	void aCarrierWithPlentyOfEvidenceIsCalibratedByItsOwnDeliveries() {
		CarrierCalibration calibration = calibration(spread(400, 10), Map.of());

		CarrierCalibration.WindowBounds bounds = calibration.bounds(BAND, MARGIN.negated(), MARGIN);

		assertThat(bounds.confidence()).isEqualTo(WindowConfidence.calibrated(400, 0.95));
		// ±10 minutes of scatter, and the fixed ±30 weighs 30 against some 140 deliveries' worth of evidence.
		assertThat(bounds.to()).isBetween(Duration.ofMinutes(10), Duration.ofMinutes(15));
		assertThat(bounds.from()).isBetween(Duration.ofMinutes(-15), Duration.ofMinutes(-10));
	}

	@Test
	void shrinksAFewSamplesTowardsEveryCarriersFigures() {
		Map<HorizonBand, ConformalBounds> everyone = this.calibrator.bounds(spread(400, 20));
		CarrierCalibration young = calibration(spread(80, 5), everyone);
		CarrierCalibration grown = calibration(spread(400, 5), everyone);

		Duration youngTo = young.bounds(BAND, MARGIN.negated(), MARGIN).to();
		Duration grownTo = grown.bounds(BAND, MARGIN.negated(), MARGIN).to();

		// Both lie between the carrier's own ±5 and everyone's ±20; the young carrier's nearer everyone's.
		assertThat(youngTo).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(20));
		assertThat(grownTo).isBetween(Duration.ofMinutes(5), youngTo);
	}

	@Test
	void leansOnEveryCarrierAndThenTheFixedMarginsWhileTheCarriersOwnEvidenceIsThin() {
		Map<HorizonBand, ConformalBounds> everyone = this.calibrator.bounds(spread(400, 20));

		CarrierCalibration.WindowBounds pooled = calibration(spread(10, 5), everyone).bounds(BAND, MARGIN.negated(),
				MARGIN);
		CarrierCalibration.WindowBounds fixed = calibration(spread(10, 5), Map.of()).bounds(BAND, MARGIN.negated(),
				MARGIN);

		assertThat(pooled.confidence()).isEqualTo(WindowConfidence.pooled(400, 0.95));
		assertThat(pooled.to()).isBetween(Duration.ofMinutes(20), MARGIN);
		assertThat(fixed.confidence()).isEqualTo(WindowConfidence.defaultMargins(10));
		assertThat(fixed.to()).isEqualTo(MARGIN);
		assertThat(fixed.from()).isEqualTo(MARGIN.negated());
	}

	@Test
	void neverClaimsTheTargetCoverageOnTooFewOfTheCarriersOwnDeliveries() {
		// 38 deliveries cannot support 97.5% on each side, however tidy they are.
		CarrierCalibration.WindowBounds bounds = calibration(spread(38, 1), Map.of()).bounds(BAND, MARGIN.negated(),
				MARGIN);

		assertThat(bounds.confidence().kind()).isEqualTo(WindowConfidence.DEFAULT_MARGINS);
		assertThat(bounds.confidence().coverage()).isNull();
	}

	@Test
	void shrinkingNeverMakesAWindowNarrowerThanTheCarriersOwnEvidence() {
		// Everyone else is punctual; this carrier arrives up to an hour late.
		Map<HorizonBand, ConformalBounds> everyone = this.calibrator.bounds(spread(400, 2));
		List<DeliveryOutcome> late = Outcomes.etaErrors(BAND,
				IntStream.range(0, 60).mapToObj(i -> Duration.ofMinutes(i)).toList());
		List<DeliveryOutcome> fewLate = Outcomes.etaErrors(BAND, Collections.nCopies(5, Duration.ofMinutes(50)));

		Duration ownTo = this.calibrator.bounds(late).get(BAND).to();
		CarrierCalibration.WindowBounds calibrated = calibration(late, everyone).bounds(BAND, MARGIN.negated(), MARGIN);
		CarrierCalibration.WindowBounds thin = calibration(fewLate, everyone).bounds(BAND, MARGIN.negated(), MARGIN);

		assertThat(calibrated.to()).isEqualTo(ownTo);
		assertThat(thin.to()).isEqualTo(Duration.ofMinutes(50));
	}

	private CarrierCalibration calibration(List<DeliveryOutcome> own, Map<HorizonBand, ConformalBounds> everyone) {
		return new CarrierCalibration(this.calibrator.bounds(own), everyone, 0.95, 30);
	}

	/** Errors spread evenly over ±{@code minutes}. */
	private static List<DeliveryOutcome> spread(int deliveries, int minutes) {
		return Outcomes.etaErrors(BAND, IntStream.range(0, deliveries)
			.mapToObj(i -> Duration.ofSeconds(Math.round((-1 + 2.0 * (i % 21) / 20) * minutes * 60)))
			.toList());
	}
}

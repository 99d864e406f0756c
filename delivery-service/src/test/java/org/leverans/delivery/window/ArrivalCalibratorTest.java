package org.leverans.delivery.window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ArrivalCalibratorTest {

	final ArrivalCalibrator calibrator = new ArrivalCalibrator(new WindowProperties.Calibration(0.95, 30, 100, 500, Duration.ofHours(12)));

	@Test
	void aDeliveryCountsHalfAsMuchAfterHalfLifeNewerOnes() {
		assertThat(this.calibrator.recencyWeight(0)).isEqualTo(1.0);
		assertThat(this.calibrator.recencyWeight(100)).isCloseTo(0.5, within(1e-9));
		assertThat(this.calibrator.recencyWeight(200)).isCloseTo(0.25, within(1e-9));
	}

	@Test
	void followsACarrierThatHasBecomeLater() {
		// 400 recent deliveries 40 minutes late, after 100 punctual ones.
		List<Duration> errors = new ArrayList<>(Collections.nCopies(400, Duration.ofMinutes(40)));
		errors.addAll(Collections.nCopies(100, Duration.ZERO));
		List<DeliveryOutcome> outcomes = Outcomes.etaErrors(HorizonBand.UNDER_30_MIN, errors);
		ArrivalCalibrator recencyWeighted = new ArrivalCalibrator(new WindowProperties.Calibration(0.95, 30, 50, 500, Duration.ofHours(12)));
		ArrivalCalibrator allAlike = new ArrivalCalibrator(new WindowProperties.Calibration(0.95, 30, 1_000_000, 500, Duration.ofHours(12)));

		ConformalBounds followed = recencyWeighted.bounds(outcomes).get(HorizonBand.UNDER_30_MIN);
		ConformalBounds unweighted = allAlike.bounds(outcomes).get(HorizonBand.UNDER_30_MIN);

		// The punctual past weighs too little to hold the window's start at the ETA any more.
		assertThat(followed.from()).isEqualTo(Duration.ofMinutes(40));
		assertThat(followed.to()).isEqualTo(Duration.ofMinutes(40));
		assertThat(unweighted.from()).isEqualTo(Duration.ZERO);
	}

	@Test
	void severalEtasOfOneDeliveryInABandShareItsWeight() {
		Instant deliveredAt = Outcomes.DELIVERED;
		DeliveryOutcome chatty = new DeliveryOutcome("test-haulage", deliveredAt,
				List.of(sample(HorizonBand.H_1_5_TO_4, 10), sample(HorizonBand.H_1_5_TO_4, 20),
						sample(HorizonBand.H_1_5_TO_4, 30), sample(HorizonBand.UNDER_30_MIN, 1)));

		Map<HorizonBand, ConformalBounds> bounds = this.calibrator.bounds(List.of(chatty));

		assertThat(bounds.get(HorizonBand.H_1_5_TO_4).weight()).isCloseTo(1.0, within(1e-9));
		assertThat(bounds.get(HorizonBand.H_1_5_TO_4).deliveries()).isEqualTo(1);
		assertThat(bounds.get(HorizonBand.UNDER_30_MIN).weight()).isCloseTo(1.0, within(1e-9));
		assertThat(bounds).doesNotContainKey(HorizonBand.DAY_BEFORE);
	}

	@Test
	void looksAtNoMoreThanTheMostRecentDeliveries() {
		ArrivalCalibrator shortMemory = new ArrivalCalibrator(new WindowProperties.Calibration(0.95, 30, 100, 50, Duration.ofHours(12)));

		ConformalBounds bounds = shortMemory
			.bounds(Outcomes.etaErrors(HorizonBand.UNDER_30_MIN, Collections.nCopies(80, Duration.ofMinutes(5))))
			.get(HorizonBand.UNDER_30_MIN);

		assertThat(bounds.deliveries()).isEqualTo(50);
	}

	@Test
	void aDeliveryMadeDaysBeforeItsSlotWasRescheduledAndDoesNotWidenTheSlot() {
		// 60 deliveries inside their two-hour slot, and 20 delivered six days before it.
		List<DeliveryOutcome> outcomes = new ArrayList<>();
		for (int i = 0; i < 80; i++) {
			Duration fromStart = (i % 4 == 3) ? Duration.ofDays(-6) : Duration.ofMinutes(i % 120);
			outcomes.add(new DeliveryOutcome("test-haulage", Outcomes.DELIVERED.minus(Duration.ofHours(i)), List.of(
					new ArrivalSample(HorizonBand.PLANNED_SLOT, fromStart, fromStart.minus(Duration.ofHours(2))))));
		}

		ConformalBounds slot = this.calibrator.bounds(outcomes).get(HorizonBand.PLANNED_SLOT);

		assertThat(slot.deliveries()).isEqualTo(60);
		assertThat(slot.from()).isBetween(Duration.ZERO, Duration.ofHours(2));
		assertThat(slot.earliest()).isEqualTo(Duration.ZERO);
	}

	@Test
	void anArrivalADayAfterItsEtaWasRescheduledButHalfADayLateIsStillEvidence() {
		ArrivalSample nextDay = sample(HorizonBand.DAY_BEFORE, 24 * 60);
		ArrivalSample halfADayLate = sample(HorizonBand.DAY_BEFORE, 12 * 60);

		assertThat(this.calibrator.rescheduled(nextDay)).isTrue();
		assertThat(this.calibrator.rescheduled(halfADayLate)).isFalse();
		assertThat(this.calibrator.rescheduled(sample(HorizonBand.DAY_BEFORE, -13 * 60))).isTrue();
	}

	@Test
	void everyEtaGivenBeforeTheArrivalBecomesASampleInTheBandOfHowFarAheadItWasGiven() {
		Instant arrival = Instant.parse("2026-12-03T08:10:00Z");
		Instant slotFrom = Instant.parse("2026-12-03T07:00:00Z");
		DeliveryOutcome outcome = DeliveryOutcome.of("test-haulage", slotFrom, slotFrom.plus(Duration.ofHours(2)),
				List.of(new DeliveryOutcome.GivenEta(arrival.minus(Duration.ofHours(5)), arrival.minus(Duration.ofMinutes(20))),
						new DeliveryOutcome.GivenEta(arrival.minus(Duration.ofMinutes(10)), arrival.plus(Duration.ofMinutes(2))),
						// given after the arrival: teaches nothing
						new DeliveryOutcome.GivenEta(arrival.plus(Duration.ofMinutes(1)), arrival)),
				arrival);

		assertThat(outcome.samples()).containsExactly(
				new ArrivalSample(HorizonBand.PLANNED_SLOT, Duration.ofMinutes(70), Duration.ofMinutes(-50)),
				new ArrivalSample(HorizonBand.H_4_TO_12, Duration.ofMinutes(20), Duration.ofMinutes(20)),
				new ArrivalSample(HorizonBand.UNDER_30_MIN, Duration.ofMinutes(-2), Duration.ofMinutes(-2)));
	}

	private static ArrivalSample sample(HorizonBand band, int minutes) {
		return new ArrivalSample(band, Duration.ofMinutes(minutes), Duration.ofMinutes(minutes));
	}
}

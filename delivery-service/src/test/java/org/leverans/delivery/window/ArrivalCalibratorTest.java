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

	static final Horizon UNDER_10_MIN = Horizon.of(HorizonBand.UNDER_10_MIN);

	final ArrivalCalibrator calibrator = new ArrivalCalibrator(calibration(100, 500));

	@Test
	void aDeliveryCountsHalfAsMuchAfterHalfLifeNewerOnes() {
		assertThat(this.calibrator.recencyWeight(0)).isEqualTo(1.0);
		assertThat(this.calibrator.recencyWeight(100)).isCloseTo(0.5, within(1e-9));
		assertThat(this.calibrator.recencyWeight(200)).isCloseTo(0.25, within(1e-9));
	}

	@Test
	void followsACarrierThatHasBecomeLater() {
		// 400 recent deliveries 40 minutes late, after 100 punctual ones; each ETA given five minutes ahead.
		List<Duration> errors = new ArrayList<>(Collections.nCopies(400, Duration.ofMinutes(40)));
		errors.addAll(Collections.nCopies(100, Duration.ZERO));
		List<DeliveryOutcome> outcomes = Outcomes.etaErrors(Duration.ofMinutes(5), errors);
		ArrivalCalibrator recencyWeighted = new ArrivalCalibrator(calibration(50, 500));
		ArrivalCalibrator allAlike = new ArrivalCalibrator(calibration(1_000_000, 500));

		ConformalBounds followed = recencyWeighted.bounds(outcomes).get(UNDER_10_MIN);
		ConformalBounds unweighted = allAlike.bounds(outcomes).get(UNDER_10_MIN);

		// The punctual past weighs too little to hold the window's start at the ETA any more.
		assertThat(followed.from()).isEqualTo(Duration.ofMinutes(40));
		assertThat(followed.to()).isEqualTo(Duration.ofMinutes(40));
		assertThat(unweighted.from()).isLessThan(Duration.ofMinutes(40));
	}

	@Test
	void aDeliverysEtasShareItsWeightInAHorizonByHowLongEachWasShownThere() {
		// Three ETAs given 2 h 50, 2 h 40 and 2 h 30 before the arrival, the last right; none passed unmet.
		Instant arrival = Outcomes.DELIVERED;
		DeliveryOutcome chatty = DeliveryOutcome.of("test-haulage", arrival.minus(Duration.ofHours(1)),
				arrival.plus(Duration.ofHours(1)),
				List.of(eta(arrival, 170, arrival.plus(Duration.ofMinutes(10))),
						eta(arrival, 160, arrival.plus(Duration.ofMinutes(5))), eta(arrival, 150, arrival)),
				arrival);

		Map<Horizon, List<ArrivalCalibrator.Shown>> shown = this.calibrator.shown(chatty);
		Map<Horizon, ConformalBounds> bounds = this.calibrator.bounds(List.of(chatty));

		// Between 2 and 3 h ahead: ten minutes of each of the first two, then half an hour of the third.
		assertThat(shown.get(Horizon.of(HorizonBand.H_2_TO_3))).extracting(ArrivalCalibrator.Shown::seconds)
			.containsExactly(600L, 600L, 1800L);
		assertThat(bounds.get(Horizon.of(HorizonBand.H_2_TO_3)).weight()).isCloseTo(1.0, within(1e-9));
		assertThat(bounds.get(Horizon.of(HorizonBand.H_2_TO_3)).deliveries()).isEqualTo(1);
		assertThat(bounds.get(Horizon.of(HorizonBand.H_2_TO_3, EtaNotice.H_1_5_TO_4)).weight())
			.isCloseTo(1.0, within(1e-9));
		// The last ETA was shown at every horizon down to its moment, when the truck came.
		assertThat(shown.get(UNDER_10_MIN)).extracting(ArrivalCalibrator.Shown::seconds).containsExactly(600L);
		assertThat(bounds).doesNotContainKeys(Horizon.of(HorizonBand.DAY_BEFORE), Horizon.of(HorizonBand.ETA_PASSED));
	}

	@Test
	void anEtaThatPassedWithoutTheTruckTeachesWhatAPassedEtaIsWorth() {
		Instant arrival = Outcomes.DELIVERED;
		// Given 20 minutes ahead, the truck came 25 minutes after it.
		DeliveryOutcome late = DeliveryOutcome.of("test-haulage", arrival.minus(Duration.ofHours(2)), arrival,
				List.of(eta(arrival, 45, arrival.minus(Duration.ofMinutes(25)))), arrival);

		Map<Horizon, List<ArrivalCalibrator.Shown>> shown = this.calibrator.shown(late);

		assertThat(shown.get(Horizon.of(HorizonBand.ETA_PASSED))).singleElement()
			.isEqualTo(new ArrivalCalibrator.Shown(ArrivalSample.point(Duration.ofMinutes(25)), 25 * 60));
		assertThat(shown.get(Horizon.of(HorizonBand.MIN_10_TO_20, EtaNotice.UNDER_30_MIN))).hasSize(1);
		assertThat(shown).doesNotContainKey(Horizon.of(HorizonBand.MIN_20_TO_30));
	}

	@Test
	void filesEachMomentAnEtaWasShownUnderItsAgeToo() {
		Instant arrival = Outcomes.DELIVERED;
		// Given 90 minutes before the arrival for 70 minutes ahead (the truck 20 minutes later), replaced 30 minutes on.
		DeliveryOutcome late = DeliveryOutcome.of("test-haulage", arrival.minus(Duration.ofHours(2)), arrival,
				List.of(eta(arrival, 90, arrival.minus(Duration.ofMinutes(20))),
						eta(arrival, 60, arrival.minus(Duration.ofMinutes(10)))),
				arrival);
		ArrivalCalibrator byAge = new ArrivalCalibrator(new WindowProperties.Calibration(0.95, 30, 100, 500,
				Duration.ofHours(12), 40, List.of(Duration.ofMinutes(5), Duration.ofMinutes(25))));

		Map<Horizon, List<ArrivalCalibrator.Shown>> shown = byAge.shown(late);

		// 60 to 70 minutes ahead in its first ten minutes, 45 to 60 in the next fifteen, 40 to 45 in its last five.
		HorizonBand hour = HorizonBand.MIN_60_TO_90;
		HorizonBand lastQuarter = HorizonBand.MIN_45_TO_60;
		assertThat(shown.get(Horizon.of(hour, EtaNotice.MIN_30_TO_90, new EtaAge(0))))
			.extracting(ArrivalCalibrator.Shown::seconds).containsExactly(300L);
		assertThat(shown.get(Horizon.of(hour, EtaNotice.MIN_30_TO_90, new EtaAge(1))))
			.extracting(ArrivalCalibrator.Shown::seconds).containsExactly(300L);
		assertThat(shown.get(Horizon.of(lastQuarter, EtaNotice.MIN_30_TO_90, new EtaAge(1))))
			.extracting(ArrivalCalibrator.Shown::seconds).containsExactly(900L);
		assertThat(shown.get(Horizon.of(HorizonBand.MIN_30_TO_45, EtaNotice.MIN_30_TO_90, new EtaAge(2))))
			.extracting(ArrivalCalibrator.Shown::seconds).containsExactly(300L);
		assertThat(shown).doesNotContainKey(Horizon.of(lastQuarter, EtaNotice.MIN_30_TO_90, new EtaAge(2)));
	}

	@Test
	void placesAnEtaInTheBandOfItsAge() {
		List<Duration> ages = List.of(Duration.ofMinutes(25), Duration.ofMinutes(5));
		WindowProperties.Calibration calibration = new WindowProperties.Calibration(0.95, 30, 100, 500,
				Duration.ofHours(12), 40, ages);

		assertThat(calibration.etaAges()).containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(25));
		assertThat(EtaAge.of(Duration.ZERO, calibration.etaAges())).isEqualTo(new EtaAge(0));
		assertThat(EtaAge.of(Duration.ofMinutes(5), calibration.etaAges())).isEqualTo(new EtaAge(1));
		assertThat(EtaAge.of(Duration.ofMinutes(31), calibration.etaAges())).isEqualTo(new EtaAge(2));
	}

	@Test
	void looksAtNoMoreThanTheMostRecentDeliveries() {
		ArrivalCalibrator shortMemory = new ArrivalCalibrator(calibration(100, 50));

		ConformalBounds bounds = shortMemory
			.bounds(Outcomes.etaErrors(Duration.ofMinutes(5), Collections.nCopies(80, Duration.ofMinutes(5))))
			.get(UNDER_10_MIN);

		assertThat(bounds.deliveries()).isEqualTo(50);
	}

	@Test
	void aDeliveryMadeDaysBeforeItsSlotWasRescheduledAndDoesNotWidenTheSlot() {
		// 60 deliveries inside their two-hour slot, and 20 delivered six days before it.
		List<DeliveryOutcome> outcomes = new ArrayList<>();
		for (int i = 0; i < 80; i++) {
			Instant deliveredAt = Outcomes.DELIVERED.minus(Duration.ofHours(i));
			Duration fromStart = (i % 4 == 3) ? Duration.ofDays(-6) : Duration.ofMinutes((i * 37) % 120);
			Instant slotFrom = deliveredAt.minus(fromStart);
			outcomes.add(DeliveryOutcome.of("test-haulage", slotFrom, slotFrom.plus(Duration.ofHours(2)), List.of(),
					deliveredAt));
		}

		ConformalBounds slot = this.calibrator.bounds(outcomes).get(Horizon.PLANNED_SLOT);

		assertThat(slot.deliveries()).isEqualTo(60);
		assertThat(slot.from()).isBetween(Duration.ZERO, Duration.ofHours(2));
		assertThat(slot.earliest()).isEqualTo(Duration.ZERO);
	}

	@Test
	void anArrivalADayAfterItsEtaWasRescheduledButHalfADayLateIsStillEvidence() {
		assertThat(this.calibrator.rescheduled(ArrivalSample.point(Duration.ofHours(24)))).isTrue();
		assertThat(this.calibrator.rescheduled(ArrivalSample.point(Duration.ofHours(12)))).isFalse();
		assertThat(this.calibrator.rescheduled(ArrivalSample.point(Duration.ofHours(-13)))).isTrue();
	}

	@Test
	void keepsEveryEtaGivenBeforeTheArrivalInTheOrderGivenAndTheSlot() {
		Instant arrival = Instant.parse("2026-12-03T08:10:00Z");
		Instant slotFrom = Instant.parse("2026-12-03T07:00:00Z");
		DeliveryOutcome.GivenEta early = new DeliveryOutcome.GivenEta(arrival.minus(Duration.ofHours(5)),
				arrival.minus(Duration.ofMinutes(20)));
		DeliveryOutcome.GivenEta late = new DeliveryOutcome.GivenEta(arrival.minus(Duration.ofMinutes(10)),
				arrival.plus(Duration.ofMinutes(2)));
		DeliveryOutcome outcome = DeliveryOutcome.of("test-haulage", slotFrom, slotFrom.plus(Duration.ofHours(2)),
				List.of(late, early,
						// given after the arrival: teaches nothing
						new DeliveryOutcome.GivenEta(arrival.plus(Duration.ofMinutes(1)), arrival)),
				arrival);

		assertThat(outcome.etas()).containsExactly(early, late);
		assertThat(early.notice()).isEqualTo(EtaNotice.H_4_TO_12);
		assertThat(outcome.slot())
			.isEqualTo(new ArrivalSample(Duration.ofMinutes(70), Duration.ofMinutes(-50)));
	}

	@Test
	void placesAnEtaInTheBandOfHowFarAheadOfNowItLies() {
		assertThat(HorizonBand.ofEtaAhead(Duration.ofMinutes(-1))).isEqualTo(HorizonBand.ETA_PASSED);
		assertThat(HorizonBand.ofEtaAhead(Duration.ZERO)).isEqualTo(HorizonBand.UNDER_10_MIN);
		assertThat(HorizonBand.ofEtaAhead(Duration.ofMinutes(30))).isEqualTo(HorizonBand.MIN_30_TO_45);
		assertThat(HorizonBand.ofEtaAhead(Duration.ofHours(5))).isEqualTo(HorizonBand.H_4_TO_6);
		assertThat(HorizonBand.ofEtaAhead(Duration.ofDays(1))).isEqualTo(HorizonBand.DAY_BEFORE);
	}

	/** An ETA for {@code eta}, given {@code minutesBefore} the arrival. */
	private static DeliveryOutcome.GivenEta eta(Instant arrival, int minutesBefore, Instant eta) {
		return new DeliveryOutcome.GivenEta(arrival.minus(Duration.ofMinutes(minutesBefore)), eta);
	}

	static WindowProperties.Calibration calibration(int halfLife, int maxDeliveries) {
		return new WindowProperties.Calibration(0.95, 30, halfLife, maxDeliveries, Duration.ofHours(12), 40, List.of());
	}
}

package org.leverans.delivery.window;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.WindowConfidence;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryWindowPolicyTest {

	static final Instant NOW = Instant.parse("2026-12-03T04:00:00Z");

	static final Instant PLANNED_FROM = Instant.parse("2026-12-03T05:00:00Z");

	static final Instant PLANNED_TO = Instant.parse("2026-12-03T07:00:00Z");

	static final WindowProperties.Calibration CALIBRATION = new WindowProperties.Calibration(0.95, 30, 100, 500,
			Duration.ofHours(12), 40, List.of());

	static final CarrierCalibration NONE = CarrierCalibration.none(CALIBRATION);

	/** Where an ETA forty minutes ahead is looked up. */
	static final Horizon FORTY_MINUTES = Horizon.of(HorizonBand.MIN_30_TO_45);

	final DeliveryWindowPolicy policy = new DeliveryWindowPolicy(
			new WindowProperties(Duration.ofMinutes(10), null, CALIBRATION, Duration.ofMinutes(1)));

	@Test
	void plannedWindowIsTheRequestedSlotInTheSitesTimeZone() {
		DeliveryWindow helsinki = DeliveryWindowPolicy.planned(LocalDate.of(2026, 12, 3), LocalTime.of(7, 0),
				LocalTime.of(9, 0), ZoneId.of("Europe/Helsinki"), NOW);
		DeliveryWindow stockholmInSummer = DeliveryWindowPolicy.planned(LocalDate.of(2026, 6, 3), LocalTime.of(7, 0),
				LocalTime.of(9, 0), ZoneId.of("Europe/Stockholm"), NOW);

		assertThat(helsinki).isEqualTo(new DeliveryWindow(Instant.parse("2026-12-03T05:00:00Z"),
				Instant.parse("2026-12-03T07:00:00Z"), "PLANNED", NOW));
		assertThat(stockholmInSummer.from()).isEqualTo(Instant.parse("2026-06-03T05:00:00Z"));
		assertThat(stockholmInSummer.to()).isEqualTo(Instant.parse("2026-06-03T07:00:00Z"));
	}

	@Test
	void staysPlannedUntilTheCarrierGivesAnEta() {
		DeliveryWindow window = this.policy.current(evidence(null, null, null), NONE, NOW);

		assertThat(window).isEqualTo(new DeliveryWindow(PLANNED_FROM, PLANNED_TO, "PLANNED", NOW,
				WindowConfidence.defaultMargins(0)));
	}

	@Test
	void carrierEtaWindowNarrowsAsTheArrivalNears() {
		assertThat(width(etaWindow(NOW.plus(Duration.ofHours(5))))).isEqualTo(Duration.ofMinutes(120));
		assertThat(width(etaWindow(NOW.plus(Duration.ofHours(2))))).isEqualTo(Duration.ofMinutes(60));
		assertThat(width(etaWindow(NOW.plus(Duration.ofMinutes(40))))).isEqualTo(Duration.ofMinutes(30));
		assertThat(width(etaWindow(NOW.minus(Duration.ofMinutes(5))))).isEqualTo(Duration.ofMinutes(30));

		Instant eta = NOW.plus(Duration.ofMinutes(40));
		assertThat(etaWindow(eta)).isEqualTo(new DeliveryWindow(eta.minus(Duration.ofMinutes(15)),
				eta.plus(Duration.ofMinutes(15)), "CARRIER_ETA", NOW, WindowConfidence.defaultMargins(0)));
	}

	@Test
	void aLaterPartnerEventCountsAsTheTimeKnownSoTheWindowNarrows() {
		Instant eta = NOW.plus(Duration.ofHours(5));
		DeliveryWindow window = this.policy.current(evidence(eta, eta.minus(Duration.ofMinutes(30)), null),
				NONE, NOW);

		assertThat(width(window)).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void deliveredShipmentShowsTheActualArrival() {
		Instant deliveredAt = NOW.plus(Duration.ofMinutes(3));
		DeliveryWindow window = this.policy.current(evidence(NOW, NOW, deliveredAt), NONE, NOW);

		assertThat(window).isEqualTo(new DeliveryWindow(deliveredAt, deliveredAt, "ACTUAL", NOW,
				WindowConfidence.actual()));
	}

	@Test
	void afterARunOfLateDeliveriesThePredictedWindowMovesLater() {
		Instant eta = NOW.plus(Duration.ofMinutes(40));
		CarrierCalibration late = calibration(FORTY_MINUTES,
				IntStream.range(0, 200).mapToObj(i -> Duration.ofMinutes(25 + i % 11)).toList());

		DeliveryWindow window = this.policy.current(evidence(eta, NOW, null), late, NOW);

		assertThat(window.basis()).isEqualTo("PREDICTED");
		assertThat(window.confidence()).isEqualTo(WindowConfidence.calibrated(200, 0.95));
		// Late every time, by 25 to 35 minutes: the window starts well after the ETA and ends at the latest seen.
		assertThat(window.from()).isBetween(eta.plus(Duration.ofMinutes(10)), eta.plus(Duration.ofMinutes(25)));
		assertThat(window.to()).isEqualTo(eta.plus(Duration.ofMinutes(35)));
	}

	@Test
	void aCarrierWhoseArrivalsScatterGetsAWindowAsWideAsTheScatter() {
		Instant eta = NOW.plus(Duration.ofMinutes(40));
		CarrierCalibration scattered = calibration(FORTY_MINUTES,
				Outcomes.shuffled(IntStream.range(0, 200).mapToObj(i -> Duration.ofMinutes(-40 + i % 81)).toList()));

		DeliveryWindow window = this.policy.current(evidence(eta, NOW, null), scattered, NOW);

		assertThat(window.from()).isBeforeOrEqualTo(eta.minus(Duration.ofMinutes(35)));
		assertThat(window.to()).isAfterOrEqualTo(eta.plus(Duration.ofMinutes(35)));
	}

	@Test
	void aWindowWiderThanTheUsualHourThisCloseToDeliverySaysSoAndANarrowOneDoesNot() {
		Instant eta = NOW.plus(Duration.ofMinutes(40));
		CarrierCalibration scattered = calibration(FORTY_MINUTES,
				Outcomes.shuffled(IntStream.range(0, 200).mapToObj(i -> Duration.ofMinutes(-40 + i % 81)).toList()));
		CarrierCalibration steady = calibration(FORTY_MINUTES,
				Outcomes.shuffled(IntStream.range(0, 200).mapToObj(i -> Duration.ofMinutes(-10 + i % 21)).toList()));

		DeliveryWindow wide = this.policy.current(evidence(eta, NOW, null), scattered, NOW);
		DeliveryWindow narrow = this.policy.current(evidence(eta, NOW, null), steady, NOW);

		assertThat(width(wide)).isGreaterThan(Duration.ofHours(1));
		assertThat(wide.confidence().usualWidthMinutes()).isEqualTo(60);
		assertThat(width(narrow)).isLessThan(Duration.ofHours(1));
		assertThat(narrow.confidence().usualWidthMinutes()).isNull();
	}

	@Test
	void threeHoursOutTheUsualPromiseIsTwoHoursSoAnHourAndAHalfKeepsIt() {
		Instant eta = NOW.plus(Duration.ofHours(3).plusMinutes(10));
		CarrierCalibration scattered = calibration(Horizon.of(HorizonBand.H_3_TO_4),
				Outcomes.shuffled(IntStream.range(0, 200).mapToObj(i -> Duration.ofMinutes(-40 + i % 81)).toList()));

		DeliveryWindow window = this.policy.current(evidence(eta, NOW, null), scattered, NOW);

		assertThat(width(window)).isBetween(Duration.ofHours(1), Duration.ofHours(2));
		assertThat(window.confidence().usualWidthMinutes()).isNull();
		assertThat(DeliveryWindowPolicy.usualWidthExceeded(eta.minus(Duration.ofMinutes(70)),
				eta.plus(Duration.ofMinutes(70)), NOW)).isEqualTo(120);
		// The planned slot is the slot the buyer asked for, however close: it never says it is wider than usual.
		assertThat(this.policy.current(evidence(null, null, null), NONE, PLANNED_FROM).confidence()
			.usualWidthMinutes()).isNull();
	}

	@Test
	void keepsTheFixedMarginsAndClaimsNoCoverageWithoutEvidence() {
		Instant eta = NOW.plus(Duration.ofMinutes(40));

		DeliveryWindow window = this.policy.current(evidence(eta, NOW, null), NONE, NOW);

		assertThat(window.basis()).isEqualTo("CARRIER_ETA");
		assertThat(window.confidence()).isEqualTo(WindowConfidence.defaultMargins(0));
	}

	@Test
	void calibratesAnEtaByHowFarAheadItLiesAndHowFarAheadItWasGivenSoAnOldEtaKeepsItsWideWindow() {
		Instant eta = NOW.plus(Duration.ofMinutes(25));
		Instant givenFiveHoursAhead = eta.minus(Duration.ofHours(5));
		// 25 minutes ahead, the carrier's ETAs err by up to 5 minutes, but those given 4 to 12 hours ahead by an hour.
		Map<Horizon, ConformalBounds> own = new HashMap<>(Outcomes.bounds(CALIBRATION,
				Horizon.of(HorizonBand.MIN_20_TO_30), Outcomes.spread(200, 5)));
		own.putAll(Outcomes.bounds(CALIBRATION, Horizon.of(HorizonBand.MIN_20_TO_30, EtaNotice.H_4_TO_12),
				Outcomes.spread(200, 60)));
		CarrierCalibration calibration = new CarrierCalibration(own, Map.of(), CALIBRATION);

		DeliveryWindow old = this.policy.current(
				new WindowEvidence(PLANNED_FROM, PLANNED_TO, eta, givenFiveHoursAhead, givenFiveHoursAhead, null),
				calibration, NOW);
		DeliveryWindow fresh = this.policy.current(new WindowEvidence(PLANNED_FROM, PLANNED_TO, eta, NOW, NOW, null),
				calibration, NOW);

		assertThat(old.basis()).isEqualTo("PREDICTED");
		assertThat(width(old)).isGreaterThanOrEqualTo(Duration.ofMinutes(110));
		assertThat(width(fresh)).isLessThanOrEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void widensWindowWhenTheEtaIsAboutToBeReplacedAndTheCarriersStaleEtasErrMore() {
		Instant eta = NOW.plus(Duration.ofMinutes(25));
		// 25 minutes ahead, this carrier's ETAs with an hour's notice err by up to 5 minutes, but those given 25 minutes
		// ago or more (about to be replaced, so still ahead only when the truck is late) by 20 to 30 minutes.
		WindowProperties.Calibration byAge = new WindowProperties.Calibration(0.95, 30, 100, 500, Duration.ofHours(12),
				40, List.of(Duration.ofMinutes(5), Duration.ofMinutes(25)));
		DeliveryWindowPolicy policy = new DeliveryWindowPolicy(
				new WindowProperties(Duration.ofMinutes(10), null, byAge, Duration.ofMinutes(1)));
		Horizon band = Horizon.of(HorizonBand.MIN_20_TO_30, EtaNotice.MIN_30_TO_90);
		Map<Horizon, ConformalBounds> own = new HashMap<>(Outcomes.bounds(byAge, band, Outcomes.spread(200, 5)));
		own.putAll(Outcomes.bounds(byAge, Horizon.of(HorizonBand.MIN_20_TO_30, EtaNotice.MIN_30_TO_90, new EtaAge(2)),
				Outcomes.shuffled(IntStream.range(0, 200).mapToObj(i -> Duration.ofMinutes(20 + i % 11)).toList())));
		CarrierCalibration calibration = new CarrierCalibration(own, Map.of(), byAge);
		Instant givenHalfAnHourAgo = NOW.minus(Duration.ofMinutes(30));
		Instant givenTenMinutesAgo = NOW.minus(Duration.ofMinutes(10));

		DeliveryWindow stale = policy.current(
				new WindowEvidence(PLANNED_FROM, PLANNED_TO, eta, givenHalfAnHourAgo, givenHalfAnHourAgo, null),
				calibration, NOW);
		DeliveryWindow fresher = policy.current(
				new WindowEvidence(PLANNED_FROM, PLANNED_TO, eta, givenTenMinutesAgo, givenTenMinutesAgo, null),
				calibration, NOW);

		assertThat(stale.from()).isEqualTo(eta.plus(Duration.ofMinutes(20)));
		assertThat(stale.to()).isEqualTo(eta.plus(Duration.ofMinutes(30)));
		// No evidence of its own age yet: the ETA's notice decides, as without ages.
		assertThat(width(fresher)).isLessThanOrEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void anEtaThatHasPassedWithoutTheTruckIsCalibratedByTheCarriersPassedEtas() {
		Instant eta = NOW.minus(Duration.ofMinutes(10));
		// When this carrier's ETA has passed, the truck has come 5 to 40 minutes after it.
		CarrierCalibration calibration = calibration(Horizon.of(HorizonBand.ETA_PASSED),
				Outcomes.shuffled(IntStream.range(0, 200).mapToObj(i -> Duration.ofMinutes(5 + i % 36)).toList()));

		DeliveryWindow window = this.policy.current(evidence(eta, eta.minus(Duration.ofMinutes(30)), null),
				calibration, NOW);

		assertThat(window.basis()).isEqualTo("PREDICTED");
		assertThat(window.from()).isBetween(eta.plus(Duration.ofMinutes(5)), eta.plus(Duration.ofMinutes(7)));
		assertThat(window.to()).isBetween(eta.plus(Duration.ofMinutes(38)), eta.plus(Duration.ofMinutes(40)));
	}

	@Test
	void plannedSlotWidensByHowTheCarriersDeliveriesLandAgainstTheirSlots() {
		// Every delivery lands in the hour after its two-hour slot.
		List<DeliveryOutcome> outcomes = IntStream.range(0, 200).mapToObj(i -> {
			Instant slotFrom = NOW.minus(Duration.ofDays(i + 1));
			Instant deliveredAt = slotFrom.plus(Duration.ofMinutes(120 + (i * 37) % 61));
			return DeliveryOutcome.of("late-haulage", slotFrom, slotFrom.plus(Duration.ofHours(2)), List.of(),
					deliveredAt);
		}).toList();
		ArrivalCalibrator calibrator = new ArrivalCalibrator(CALIBRATION);

		DeliveryWindow window = this.policy.current(evidence(null, null, null),
				new CarrierCalibration(calibrator.bounds(outcomes), Map.of(), CALIBRATION), NOW);

		assertThat(window.basis()).isEqualTo("PLANNED");
		assertThat(window.confidence().kind()).isEqualTo(WindowConfidence.CALIBRATED);
		assertThat(window.from()).isAfter(PLANNED_FROM.plus(Duration.ofMinutes(60)));
		assertThat(window.to()).isBetween(PLANNED_TO.plus(Duration.ofMinutes(55)), PLANNED_TO.plus(Duration.ofMinutes(60)));
	}

	private DeliveryWindow etaWindow(Instant eta) {
		return this.policy.current(evidence(eta, NOW, null), NONE, NOW);
	}

	private static WindowEvidence evidence(Instant eta, Instant latestEventAt, Instant deliveredAt) {
		return new WindowEvidence(PLANNED_FROM, PLANNED_TO, eta, latestEventAt, latestEventAt, deliveredAt);
	}

	/** A carrier whose own deliveries erred so in this horizon (the first the most recent), and nobody else's. */
	private static CarrierCalibration calibration(Horizon horizon, List<Duration> errors) {
		return new CarrierCalibration(Outcomes.bounds(CALIBRATION, horizon, errors), Map.of(), CALIBRATION);
	}

	private static Duration width(DeliveryWindow window) {
		return Duration.between(window.from(), window.to());
	}

	private static DeliveryWindow shifted(DeliveryWindow window, Duration by) {
		return new DeliveryWindow(window.from().plus(by), window.to().plus(by), window.basis(), window.updatedAt());
	}
}

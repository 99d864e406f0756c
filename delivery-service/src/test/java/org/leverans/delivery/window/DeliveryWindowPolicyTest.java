package org.leverans.delivery.window;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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

	static final WindowProperties.Calibration CALIBRATION = new WindowProperties.Calibration(0.95, 30, 100, 500, Duration.ofHours(12));

	static final CarrierCalibration NONE = CarrierCalibration.none(0.95, 30);

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
		CarrierCalibration late = calibration(Outcomes.etaErrors(HorizonBand.MIN_30_TO_90,
				IntStream.range(0, 200).mapToObj(i -> Duration.ofMinutes(25 + i % 11)).toList()));

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
		CarrierCalibration scattered = calibration(Outcomes.etaErrors(HorizonBand.MIN_30_TO_90,
				IntStream.range(0, 200).mapToObj(i -> Duration.ofMinutes(-40 + i % 81)).toList()));

		DeliveryWindow window = this.policy.current(evidence(eta, NOW, null), scattered, NOW);

		assertThat(window.from()).isBeforeOrEqualTo(eta.minus(Duration.ofMinutes(35)));
		assertThat(window.to()).isAfterOrEqualTo(eta.plus(Duration.ofMinutes(35)));
	}

	@Test
	void keepsTheFixedMarginsAndClaimsNoCoverageWithoutEvidence() {
		Instant eta = NOW.plus(Duration.ofMinutes(40));

		DeliveryWindow window = this.policy.current(evidence(eta, NOW, null), NONE, NOW);

		assertThat(window.basis()).isEqualTo("CARRIER_ETA");
		assertThat(window.confidence()).isEqualTo(WindowConfidence.defaultMargins(0));
	}

	@Test
	void calibratesAnEtaByHowFarAheadItWasGivenSoAnOldEtaKeepsItsWideWindow() {
		Instant eta = NOW.plus(Duration.ofMinutes(20));
		Instant givenFiveHoursAhead = eta.minus(Duration.ofHours(5));
		CarrierCalibration calibration = calibration(Outcomes.etaErrors(HorizonBand.H_4_TO_12,
				IntStream.range(0, 200).mapToObj(i -> Duration.ofMinutes(-60 + i % 121)).toList()));

		DeliveryWindow window = this.policy.current(
				new WindowEvidence(PLANNED_FROM, PLANNED_TO, eta, givenFiveHoursAhead, givenFiveHoursAhead, null),
				calibration, NOW);

		assertThat(window.basis()).isEqualTo("PREDICTED");
		assertThat(width(window)).isGreaterThanOrEqualTo(Duration.ofMinutes(110));
	}

	@Test
	void plannedSlotWidensByHowTheCarriersDeliveriesLandAgainstTheirSlots() {
		// Every delivery lands in the hour after its two-hour slot.
		List<DeliveryOutcome> outcomes = IntStream.range(0, 200)
			.mapToObj(i -> new DeliveryOutcome("late-haulage", NOW,
					List.of(new ArrivalSample(HorizonBand.PLANNED_SLOT, Duration.ofMinutes(120 + i % 61),
							Duration.ofMinutes(i % 61)))))
			.toList();

		DeliveryWindow window = this.policy.current(evidence(null, null, null), calibration(outcomes), NOW);

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

	/** A carrier whose own deliveries are these, and nobody else's. */
	private static CarrierCalibration calibration(List<DeliveryOutcome> outcomes) {
		ArrivalCalibrator calibrator = new ArrivalCalibrator(CALIBRATION);
		return new CarrierCalibration(calibrator.bounds(outcomes), Map.of(), 0.95, 30);
	}

	private static Duration width(DeliveryWindow window) {
		return Duration.between(window.from(), window.to());
	}

	private static DeliveryWindow shifted(DeliveryWindow window, Duration by) {
		return new DeliveryWindow(window.from().plus(by), window.to().plus(by), window.basis(), window.updatedAt());
	}
}

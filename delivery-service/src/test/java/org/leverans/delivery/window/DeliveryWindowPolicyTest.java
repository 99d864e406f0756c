package org.leverans.delivery.window;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.shipment.DeliveryWindow;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryWindowPolicyTest {

	static final Instant NOW = Instant.parse("2026-12-03T04:00:00Z");

	static final Instant PLANNED_FROM = Instant.parse("2026-12-03T05:00:00Z");

	static final Instant PLANNED_TO = Instant.parse("2026-12-03T07:00:00Z");

	final DeliveryWindowPolicy policy = new DeliveryWindowPolicy(
			new WindowProperties(Duration.ofMinutes(10), null, new WindowProperties.Prediction(5, 50, Duration.ofHours(2)),
					Duration.ofMinutes(1)));

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
		DeliveryWindow window = this.policy.current(evidence(null, null, null), ArrivalErrors.NONE, NOW);

		assertThat(window).isEqualTo(new DeliveryWindow(PLANNED_FROM, PLANNED_TO, "PLANNED", NOW));
	}

	@Test
	void carrierEtaWindowNarrowsAsTheArrivalNears() {
		assertThat(width(etaWindow(NOW.plus(Duration.ofHours(5))))).isEqualTo(Duration.ofMinutes(120));
		assertThat(width(etaWindow(NOW.plus(Duration.ofHours(2))))).isEqualTo(Duration.ofMinutes(60));
		assertThat(width(etaWindow(NOW.plus(Duration.ofMinutes(40))))).isEqualTo(Duration.ofMinutes(30));
		assertThat(width(etaWindow(NOW.minus(Duration.ofMinutes(5))))).isEqualTo(Duration.ofMinutes(30));

		Instant eta = NOW.plus(Duration.ofMinutes(40));
		assertThat(etaWindow(eta)).isEqualTo(new DeliveryWindow(eta.minus(Duration.ofMinutes(15)),
				eta.plus(Duration.ofMinutes(15)), "CARRIER_ETA", NOW));
	}

	@Test
	void aLaterPartnerEventCountsAsTheTimeKnownSoTheWindowNarrows() {
		Instant eta = NOW.plus(Duration.ofHours(5));
		DeliveryWindow window = this.policy.current(evidence(eta, eta.minus(Duration.ofMinutes(30)), null),
				ArrivalErrors.NONE, NOW);

		assertThat(width(window)).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void deliveredShipmentShowsTheActualArrival() {
		Instant deliveredAt = NOW.plus(Duration.ofMinutes(3));
		DeliveryWindow window = this.policy.current(evidence(NOW, NOW, deliveredAt), ArrivalErrors.NONE, NOW);

		assertThat(window).isEqualTo(new DeliveryWindow(deliveredAt, deliveredAt, "ACTUAL", NOW));
	}

	@Test
	void afterARunOfLateDeliveriesThePredictedWindowMovesLater() {
		Instant eta = NOW.plus(Duration.ofMinutes(40));
		ArrivalErrors lateCarrier = ArrivalErrors.of(List.of(1500L, 1800L, 1800L, 2100L, 1800L, 1900L));

		DeliveryWindow window = this.policy.current(evidence(eta, NOW, null), lateCarrier, NOW);

		assertThat(window.basis()).isEqualTo("PREDICTED");
		assertThat(window.from()).isAfter(eta.minus(Duration.ofMinutes(15)));
		assertThat(window.from().plus(width(window).dividedBy(2))).isEqualTo(eta.plus(Duration.ofMinutes(30)));
		assertThat(width(window)).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void aCarrierWhoseArrivalsScatterGetsAWindowAsWideAsTheScatter() {
		Instant eta = NOW.plus(Duration.ofMinutes(40));
		ArrivalErrors scattered = ArrivalErrors.of(LongStream.rangeClosed(-6, 6).map(i -> i * 600).boxed().toList());

		DeliveryWindow window = this.policy.current(evidence(eta, NOW, null), scattered, NOW);

		assertThat(window.basis()).isEqualTo("PREDICTED");
		assertThat(window.from()).isBeforeOrEqualTo(eta.minus(Duration.ofMinutes(40)));
		assertThat(window.to()).isAfterOrEqualTo(eta.plus(Duration.ofMinutes(40)));
	}

	@Test
	void ignoresACarriersHistoryUntilThereIsEnoughOfIt() {
		Instant eta = NOW.plus(Duration.ofMinutes(40));
		DeliveryWindow window = this.policy.current(evidence(eta, NOW, null),
				ArrivalErrors.of(Collections.nCopies(4, 3600L)), NOW);

		assertThat(window.basis()).isEqualTo("CARRIER_ETA");
	}

	@Test
	void learnedShiftIsCappedSoOneWildCarrierCannotMoveTheWindowByHours() {
		Instant eta = NOW.plus(Duration.ofMinutes(40));
		DeliveryWindow window = this.policy.current(evidence(eta, NOW, null),
				ArrivalErrors.of(Collections.nCopies(10, 10 * 3600L)), NOW);

		assertThat(window.from().plus(width(window).dividedBy(2))).isEqualTo(eta.plus(Duration.ofHours(2)));
	}

	@Test
	void announcesAWindowChangeOnlyBeyondTheThreshold() {
		DeliveryWindow before = new DeliveryWindow(PLANNED_FROM, PLANNED_TO, "PLANNED", NOW);

		assertThat(this.policy.movedNotably(before, shifted(before, Duration.ofMinutes(10)))).isFalse();
		assertThat(this.policy.movedNotably(before, shifted(before, Duration.ofMinutes(11)))).isTrue();
		assertThat(this.policy.movedNotably(before,
				new DeliveryWindow(PLANNED_FROM, PLANNED_TO.minus(Duration.ofMinutes(30)), "CARRIER_ETA", NOW)))
			.isTrue();
	}

	@Test
	void quantilesOfArrivalErrorsInterpolateBetweenSamples() {
		ArrivalErrors errors = ArrivalErrors.of(List.of(600L, 0L, -600L, 1200L, 300L));

		assertThat(errors.samples()).isEqualTo(5);
		assertThat(errors.median()).isEqualTo(Duration.ofMinutes(5));
		assertThat(errors.early()).isEqualTo(Duration.ofMinutes(-6));
		assertThat(errors.late()).isEqualTo(Duration.ofMinutes(16));
	}

	private DeliveryWindow etaWindow(Instant eta) {
		return this.policy.current(evidence(eta, NOW, null), ArrivalErrors.NONE, NOW);
	}

	private static WindowEvidence evidence(Instant eta, Instant latestEventAt, Instant deliveredAt) {
		return new WindowEvidence(PLANNED_FROM, PLANNED_TO, eta, latestEventAt, deliveredAt);
	}

	private static Duration width(DeliveryWindow window) {
		return Duration.between(window.from(), window.to());
	}

	private static DeliveryWindow shifted(DeliveryWindow window, Duration by) {
		return new DeliveryWindow(window.from().plus(by), window.to().plus(by), window.basis(), window.updatedAt());
	}
}

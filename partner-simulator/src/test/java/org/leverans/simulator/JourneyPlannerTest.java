package org.leverans.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JourneyPlannerTest {

	static final UUID JATKASAARI = UUID.fromString("11111111-0000-0000-0000-000000000001");

	static final UUID HAMMARBY = UUID.fromString("22222222-0000-0000-0000-000000000001");

	@Test
	void aJourneyTellsTheWholeTripInTheVocabularysOrder() {
		List<PlannedEvent> events = JourneyPlanner.plan(finnish(1), CarrierProfile.NORDIC_FREIGHT);

		assertThat(events).extracting(PlannedEvent::type)
			.containsExactly("INFO_RECEIVED", "PICKED_UP", "IN_TRANSIT", "ETA_UPDATED", "ETA_UPDATED", "ETA_UPDATED",
					"ETA_UPDATED", "OUT_FOR_DELIVERY", "ARRIVING", "DELIVERED");
		assertThat(events).extracting(PlannedEvent::sequence).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
		assertThat(events.getLast().signedBy()).isEqualTo("Mikko Nieminen");
		assertThat(events.subList(0, events.size() - 1)).allSatisfy(event -> assertThat(event.signedBy()).isNull());
	}

	@Test
	void everyJourneyMovesForwardInTimeAndAnnouncesNoArrivalInItsPast() {
		for (CarrierProfile profile : CarrierProfile.demo()) {
			for (ManifestShipment shipment : shipments(200)) {
				List<PlannedEvent> events = JourneyPlanner.plan(shipment, profile);
				assertThat(events).extracting(PlannedEvent::at).isSortedAccordingTo(Comparator.naturalOrder())
					.doesNotHaveDuplicates();
				assertThat(events).filteredOn(event -> event.eta() != null)
					.allSatisfy(event -> assertThat(event.eta()).isGreaterThan(event.at()));
			}
		}
	}

	@Test
	void etaUpdatesCloseInOnTheArrival() {
		for (CarrierProfile profile : CarrierProfile.demo()) {
			for (ManifestShipment shipment : shipments(200)) {
				List<PlannedEvent> events = JourneyPlanner.plan(shipment, profile);
				Duration arrival = events.getLast().at();
				List<Long> errors = events.stream().filter(event -> event.type().equals("ETA_UPDATED"))
					.map(event -> Math.abs(event.eta().minus(arrival).toMinutes())).toList();
				assertThat(errors).as(profile.carrier() + " " + shipment.trackingNumber())
					.hasSize(JourneyPlanner.ETA_UPDATES)
					.isSortedAccordingTo(Comparator.reverseOrder());
			}
		}
	}

	@Test
	void thePunctualCarrierArrivesWhenItSaidAndTheLateOneLaterThanItAdmits() {
		List<Long> punctual = lastEtaErrors(CarrierProfile.NORDIC_FREIGHT);
		List<Long> late = lastEtaErrors(CarrierProfile.BALTIC_HAULAGE);

		assertThat(median(punctual)).isBetween(-2L, 2L);
		assertThat(median(late)).isGreaterThanOrEqualTo(15L);
		assertThat(spread(late)).isGreaterThan(spread(punctual) + 10);
		assertThat(median(arrivalsAfterPlan(CarrierProfile.BALTIC_HAULAGE)))
			.isGreaterThan(median(arrivalsAfterPlan(CarrierProfile.NORDIC_FREIGHT)) + 20);
	}

	@Test
	void theTruckTravelsFromTheDepotToTheSite() {
		List<PlannedEvent> events = JourneyPlanner.plan(swedish(7), CarrierProfile.BALTIC_HAULAGE);
		GeoPoint site = new GeoPoint(59.3030, 18.0970);

		assertThat(events.getFirst().position()).isEqualTo(new GeoPoint(59.1960, 17.6260));
		assertThat(events.getLast().position()).isEqualTo(site);
		List<Double> distances = events.stream().map(event -> event.position().kilometresTo(site)).toList();
		assertThat(distances).isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(distances.getFirst()).isBetween(20.0, 40.0);
	}

	@Test
	void theSameShipmentAlwaysGetsTheSameJourney() {
		assertThat(JourneyPlanner.plan(finnish(3), CarrierProfile.BALTIC_HAULAGE))
			.isEqualTo(JourneyPlanner.plan(finnish(3), CarrierProfile.BALTIC_HAULAGE));
	}

	private static List<Long> lastEtaErrors(CarrierProfile profile) {
		return shipments(301).stream().map(shipment -> {
			List<PlannedEvent> events = JourneyPlanner.plan(shipment, profile);
			PlannedEvent lastWithEta = events.reversed().stream().filter(event -> event.eta() != null).findFirst()
				.orElseThrow();
			return events.getLast().at().minus(lastWithEta.eta()).toMinutes();
		}).toList();
	}

	/** How much later than the first ETA (the carrier's plan at pick-up) the goods came. */
	private static List<Long> arrivalsAfterPlan(CarrierProfile profile) {
		return shipments(301).stream().map(shipment -> {
			List<PlannedEvent> events = JourneyPlanner.plan(shipment, profile);
			return events.getLast().at().minus(events.get(1).eta()).toMinutes();
		}).toList();
	}

	private static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	/** The 10–90 % spread. */
	private static long spread(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() * 9 / 10) - sorted.get(sorted.size() / 10);
	}

	private static List<ManifestShipment> shipments(int count) {
		List<ManifestShipment> shipments = new ArrayList<>();
		IntStream.range(0, count).forEach(i -> shipments.add((i % 2 == 0) ? finnish(i) : swedish(i)));
		return shipments;
	}

	static ManifestShipment finnish(int n) {
		return new ManifestShipment(UUID.randomUUID(), "NF%010d".formatted(4711 + n * 7919L), JATKASAARI, "FI");
	}

	static ManifestShipment swedish(int n) {
		return new ManifestShipment(UUID.randomUUID(), "BH%010d".formatted(1234 + n * 104729L), HAMMARBY, "SE");
	}
}

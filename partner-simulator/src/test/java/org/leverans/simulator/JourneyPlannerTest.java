package org.leverans.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.LongPredicate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JourneyPlannerTest {

	static final UUID JATKASAARI = UUID.fromString("11111111-0000-0000-0000-000000000001");

	static final UUID HAMMARBY = UUID.fromString("22222222-0000-0000-0000-000000000001");

	@Test
	void aJourneyTellsTheWholeTripInTheVocabularysOrder() {
		List<PlannedEvent> events = JourneyPlanner.plan(finnish(1), DemoCarrier.NORDIC_FREIGHT, 0);

		assertThat(events).extracting(PlannedEvent::type)
			.containsExactly("INFO_RECEIVED", "PICKED_UP", "IN_TRANSIT", "ETA_UPDATED", "ETA_UPDATED", "ETA_UPDATED",
					"ETA_UPDATED", "OUT_FOR_DELIVERY", "ARRIVING", "DELIVERED");
		assertThat(events).extracting(PlannedEvent::sequence).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
		assertThat(events.getLast().signedBy()).isEqualTo("Mikko Nieminen");
		assertThat(events.subList(0, events.size() - 1)).allSatisfy(event -> assertThat(event.signedBy()).isNull());
	}

	@Test
	void everyJourneyOfEveryProfileMovesForwardInTimeAndAnnouncesNoArrivalInItsPast() {
		for (DemoCarrier carrier : playingEveryProfile()) {
			for (ManifestShipment shipment : shipments(200)) {
				List<PlannedEvent> events = JourneyPlanner.plan(shipment, carrier, 0);
				assertThat(events).extracting(PlannedEvent::at).isSortedAccordingTo(Comparator.naturalOrder())
					.doesNotHaveDuplicates();
				assertThat(events).filteredOn(event -> event.eta() != null)
					.allSatisfy(event -> assertThat(event.eta()).isGreaterThan(event.at()));
			}
		}
	}

	@Test
	void etasCloseInOnTheArrivalAsItNears() {
		for (DemoCarrier carrier : playingEveryProfile()) {
			List<Long> atPickUp = new ArrayList<>();
			List<Long> whenArriving = new ArrayList<>();
			for (ManifestShipment shipment : shipments(301)) {
				List<PlannedEvent> events = JourneyPlanner.plan(shipment, carrier, 0);
				atPickUp.add(Math.abs(error(events, "PICKED_UP")));
				whenArriving.add(Math.abs(error(events, "ARRIVING")));
			}
			assertThat(mean(whenArriving)).as(carrier.profile().description()).isLessThan(mean(atPickUp));
		}
	}

	@Test
	void eachCarrierErrsAsItsProfileSays() {
		// Two hours or so before the arrival, at pick-up:
		assertThat(median(errors(CarrierProfile.PUNCTUAL, "PICKED_UP", 0))).as("punctual").isBetween(-3L, 3L);
		assertThat(median(errors(CarrierProfile.OPTIMISTIC, "PICKED_UP", 0))).as("optimistic").isGreaterThan(15L);
		assertThat(share(errors(CarrierProfile.OFTEN_EARLY, "PICKED_UP", 0), error -> error < -10))
			.as("often early: a third come well before the ETA").isBetween(0.25, 0.42);
		assertThat(share(errors(CarrierProfile.UNANNOUNCED_DELAYS, "PICKED_UP", 0), error -> error > 20))
			.as("a delay no ETA announced").isBetween(0.03, 0.12);
		assertThat(median(errors(CarrierProfile.DRIFTING_LATER, "PICKED_UP", 480))
				- median(errors(CarrierProfile.DRIFTING_LATER, "PICKED_UP", 0)))
			.as("later after some hundred deliveries")
			.isGreaterThan(25L);
	}

	@Test
	void theTruckTravelsFromTheDepotToTheSite() {
		List<PlannedEvent> events = JourneyPlanner.plan(swedish(7), DemoCarrier.BALTIC_HAULAGE, 0);
		GeoPoint site = new GeoPoint(59.3030, 18.0970);

		assertThat(events.getFirst().position()).isEqualTo(new GeoPoint(59.1960, 17.6260));
		assertThat(events.getLast().position()).isEqualTo(site);
		List<Double> distances = events.stream().map(event -> event.position().kilometresTo(site)).toList();
		assertThat(distances).isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(distances.getFirst()).isBetween(20.0, 40.0);
	}

	@Test
	void theSameShipmentAlwaysGetsTheSameJourney() {
		assertThat(JourneyPlanner.plan(finnish(3), DemoCarrier.BALTIC_HAULAGE, 5))
			.isEqualTo(JourneyPlanner.plan(finnish(3), DemoCarrier.BALTIC_HAULAGE, 5));
	}

	/** Actual arrival minus the ETA announced with the event, in minutes; positive is late. */
	private static long error(List<PlannedEvent> events, String type) {
		PlannedEvent announcing = events.stream().filter(event -> event.type().equals(type)).findFirst().orElseThrow();
		return events.getLast().at().minus(announcing.eta()).toMinutes();
	}

	private static List<Long> errors(CarrierProfile profile, String type, int delivery) {
		DemoCarrier carrier = new DemoCarrier("nordic-freight", Duration.ofMinutes(20), profile);
		return shipments(301).stream().map(shipment -> error(JourneyPlanner.plan(shipment, carrier, delivery), type))
			.toList();
	}

	private static List<DemoCarrier> playingEveryProfile() {
		return Arrays.stream(CarrierProfile.values())
			.map(profile -> new DemoCarrier("baltic-haulage", Duration.ofMinutes(40), profile))
			.toList();
	}

	private static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private static double mean(List<Long> values) {
		return values.stream().mapToLong(Long::longValue).average().orElseThrow();
	}

	private static double share(List<Long> values, LongPredicate matching) {
		return (double) values.stream().filter(matching::test).count() / values.size();
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

package org.leverans.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JourneyTest {

	static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

	final ManifestShipment shipment = JourneyPlannerTest.finnish(1);

	final List<PlannedEvent> events = JourneyPlanner.plan(this.shipment, DemoCarrier.NORDIC_FREIGHT, 0);

	/** One demo hour per real minute. */
	final Journey journey = new Journey(this.shipment, this.events, new CompressedClock(START, 60));

	@Test
	void anEventIsDueOnlyOnceItsCompressedMomentHasPassed() {
		assertThat(this.journey.due(START)).extracting(event -> event.get("type")).containsExactly("INFO_RECEIVED");
		Instant pickedUp = START.plus(this.events.get(1).at().dividedBy(60));
		assertThat(this.journey.due(pickedUp.minusMillis(1))).hasSize(1);
		assertThat(this.journey.due(pickedUp)).extracting(event -> event.get("type"))
			.containsExactly("INFO_RECEIVED", "PICKED_UP");
	}

	@Test
	void noEventOccursInTheFutureAndEtasLiveOnTheSameCompressedClock() {
		Instant now = START;
		while (!this.journey.finished()) {
			now = now.plusSeconds(7);
			List<Map<String, Object>> due = this.journey.due(now);
			for (Map<String, Object> event : due) {
				Instant occurredAt = Instant.parse((String) event.get("occurredAt"));
				assertThat(occurredAt).isBeforeOrEqualTo(now);
				if (event.get("eta") != null) {
					assertThat(Instant.parse((String) event.get("eta"))).isAfter(occurredAt);
				}
			}
			this.journey.reported(due.size());
		}
		Instant arrival = START.plus(this.events.getLast().at().dividedBy(60));
		assertThat(now).isBetween(arrival, arrival.plusSeconds(7));
		// a trip of a few demo hours takes a few real minutes
		assertThat(Duration.between(START, now)).isBetween(Duration.ofMinutes(1), Duration.ofMinutes(4));
	}

	@Test
	void whatWasNotTakenIsResentWithTheSameEventIds() {
		Instant later = START.plus(this.events.get(2).at().dividedBy(60));
		List<Map<String, Object>> first = this.journey.due(later);
		assertThat(first).hasSize(3);
		assertThat(this.journey.due(later)).isEqualTo(first);

		this.journey.reported(2);

		assertThat(this.journey.due(later)).extracting(event -> event.get("eventId"))
			.containsExactly("sim-" + this.shipment.trackingNumber() + "-3");
	}

	@Test
	void theDeliveryCarriesProofAndTheSitesPosition() {
		Instant end = START.plus(Duration.ofHours(1));
		Map<String, Object> delivered = this.journey.due(end).getLast();

		assertThat(delivered.get("type")).isEqualTo("DELIVERED");
		assertThat(delivered.get("trackingNumber")).isEqualTo(this.shipment.trackingNumber());
		assertThat(delivered.get("proofOfDelivery")).isEqualTo(Map.of("signedBy", "Mikko Nieminen", "note",
				"Delivered by the demo simulator"));
		assertThat(delivered.get("position")).isEqualTo(Map.of("lat", 60.158, "lon", 24.918));
	}
}

package org.leverans.bench.partner;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class EventBodiesTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final List<CarrierClient.Shipment> SHIPMENTS = List.of(
			new CarrierClient.Shipment(UUID.randomUUID(), "NF0000000001"),
			new CarrierClient.Shipment(UUID.randomUUID(), "NF0000000002"));

	@Test
	void aBatchSpreadsNewEventIdsOverTheShipmentsInTheApisBatchShape() {
		EventBodies bodies = new EventBodies("bench-x-", SHIPMENTS);

		EventBodies.Body body = bodies.next(4, Instant.parse("2026-12-06T05:00:00.123456Z"));
		JsonNode batch = JSON.readTree(body.json());

		assertThat(batch.get("events")).hasSize(4);
		assertThat(batch.get("events").valueStream().map(e -> e.get("eventId").asString()))
			.containsExactly("bench-x-0", "bench-x-1", "bench-x-2", "bench-x-3")
			.containsExactlyElementsOf(body.eventIds());
		assertThat(batch.get("events").valueStream().map(e -> e.get("trackingNumber").asString()))
			.containsExactly("NF0000000001", "NF0000000002", "NF0000000001", "NF0000000002");
		assertThat(batch.get("events").get(0).get("occurredAt").asString()).isEqualTo("2026-12-06T05:00:00.123Z");
		assertThat(batch.get("events").get(1).get("eta").asString()).isEqualTo("2026-12-06T07:00:00.123Z");
	}

	@Test
	void oneEventIsPostedOnItsOwnAndTheCounterGoesOn() {
		EventBodies bodies = new EventBodies("bench-y-", SHIPMENTS);
		bodies.next(3, Instant.now());

		JsonNode single = JSON.readTree(bodies.next(1, Instant.now()).json());

		assertThat(single.get("events")).isNull();
		assertThat(single.get("eventId").asString()).isEqualTo("bench-y-3");
	}
}

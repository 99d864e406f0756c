package org.leverans.contracts.shipment;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryWindowJsonTest {

	// As the services' inboxes read events: unknown fields are ignored.
	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	@Test
	void aWindowChangeWrittenBeforeWindowsHadAConfidenceStillReads() {
		String old = """
				{"shipmentId":"%s","orderId":"%s","customerId":"%s","siteId":"%s","status":"IN_TRANSIT",
				 "window":{"from":"2026-12-03T05:30:00Z","to":"2026-12-03T06:30:00Z","basis":"CARRIER_ETA",
				           "updatedAt":"2026-12-03T04:00:00Z"},
				 "previousWindow":{"from":"2026-12-03T05:00:00Z","to":"2026-12-03T07:00:00Z","basis":"PLANNED",
				           "updatedAt":"2026-12-01T10:00:00Z"}}"""
			.formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

		DeliveryWindowChanged changed = this.json.readValue(old, DeliveryWindowChanged.class);

		assertThat(changed.window().basis()).isEqualTo("CARRIER_ETA");
		assertThat(changed.window().confidence()).isNull();
		assertThat(changed.previousWindow().from()).isEqualTo(Instant.parse("2026-12-03T05:00:00Z"));
	}

	@Test
	void aWindowCarriesItsConfidenceAndLeavesOutWhatItDoesNotClaim() {
		Instant from = Instant.parse("2026-12-03T05:30:00Z");
		DeliveryWindow calibrated = new DeliveryWindow(from, from.plusSeconds(2400), "PREDICTED", from,
				WindowConfidence.calibrated(212, 0.95));
		DeliveryWindow thin = new DeliveryWindow(from, from.plusSeconds(3600), "CARRIER_ETA", from,
				WindowConfidence.defaultMargins(4));
		DeliveryWindow none = new DeliveryWindow(from, from.plusSeconds(3600), "PLANNED", from);

		assertThat(this.json.readValue(this.json.writeValueAsString(calibrated), DeliveryWindow.class))
			.isEqualTo(calibrated);
		assertThat(this.json.writeValueAsString(thin))
			.contains("\"confidence\":{\"kind\":\"DEFAULT_MARGINS\",\"samples\":4}");
		assertThat(this.json.writeValueAsString(none)).doesNotContain("confidence");
	}
}

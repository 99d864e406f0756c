package org.leverans.delivery.window;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.delivery.DeliveryIntegrationTest;
import org.leverans.delivery.TestOrders;
import org.leverans.delivery.shipment.Shipment;
import org.leverans.testsupport.events.ReceivedEvent;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CarrierLearningIntegrationTest extends DeliveryIntegrationTest {

	static final String CARRIER = "learning-haulage";

	static final String SCATTER_FREIGHT = "scatter-freight";

	@Test
	void afterARunOfLateDeliveriesTheCarriersNextWindowReachesAsLateAndSaysItIsNotYetCalibrated() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant eta = now.plus(Duration.ofHours(1));
		Shipment next = afterFiveLateDeliveries("EE", CARRIER, Duration.ofMinutes(40), now, eta);

		// Forty minutes late every time, on ETAs given an hour ahead: five deliveries are too few to claim a
		// coverage, but the window stretches to what they showed instead of the fixed +15 min.
		this.mvc.perform(get("/api/shipments/{id}", next.id()).with(carrier(CARRIER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.window.basis").value("CARRIER_ETA"))
			.andExpect(jsonPath("$.window.from").value(eta.minus(Duration.ofMinutes(15)).toString()))
			.andExpect(jsonPath("$.window.to").value(eta.plus(Duration.ofMinutes(40)).toString()))
			.andExpect(jsonPath("$.window.confidence.kind").value("DEFAULT_MARGINS"))
			.andExpect(jsonPath("$.window.confidence.samples").value(5))
			.andExpect(jsonPath("$.window.confidence.coverage").doesNotExist())
			// 55 minutes, an hour away: within the hour receivers are usually promised
			.andExpect(jsonPath("$.window.confidence.usualWidthMinutes").doesNotExist());
	}

	@Test
	void aWindowWiderThanTheUsualHourSaysSoInTheApiAndInItsEvents() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant eta = now.plus(Duration.ofMinutes(45));
		Shipment next = afterFiveLateDeliveries("LT", SCATTER_FREIGHT, Duration.ofMinutes(80), now, eta);

		// Eighty minutes late every time: the window 45 minutes out reaches eighty minutes past the ETA, and says it
		// is wider than the hour a receiver is usually promised this close.
		this.mvc.perform(get("/api/shipments/{id}", next.id()).with(carrier(SCATTER_FREIGHT)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.window.to").value(eta.plus(Duration.ofMinutes(80)).toString()))
			.andExpect(jsonPath("$.window.confidence.usualWidthMinutes").value(60));
		List<ReceivedEvent> events = shipmentEvents(next.orderId(), received -> received.stream()
			.anyMatch(e -> e.type().equals("leverans.shipment.updated.v1")
					&& e.body().get("shipmentId").asString().equals(next.id().toString())));
		assertThat(events).filteredOn(e -> e.type().equals("leverans.shipment.updated.v1")
				&& e.body().get("shipmentId").asString().equals(next.id().toString()))
			.singleElement()
			.satisfies(e -> assertThat(e.body().at("/window/confidence/usualWidthMinutes").asInt()).isEqualTo(60));
	}

	/**
	 * Plans six shipments to {@code country}: five are delivered {@code late} after ETAs given an hour ahead, two
	 * hours ago; the sixth is told {@code eta} now, and returned.
	 */
	private Shipment afterFiveLateDeliveries(String country, String carrier, Duration late, Instant now, Instant eta)
			throws Exception {
		TestOrders builder = TestOrders.order(TestOrders.RAKENNUS, DeliveryMode.SPLIT_ALLOWED, LocalDate.now().plusDays(1));
		for (int i = 0; i < 6; i++) {
			builder.line(UUID.randomUUID(), country, null);
		}
		List<Shipment> planned = plan(builder.accepted(), 6);
		Instant pastEta = now.minus(Duration.ofHours(2));
		for (Shipment shipment : planned.subList(0, 5)) {
			postEvents(carrier, """
					{"events":[
					 {"eventId":"%1$s-eta","shipmentId":"%1$s","type":"ETA_UPDATED","occurredAt":"%2$s","eta":"%3$s"},
					 {"eventId":"%1$s-pod","shipmentId":"%1$s","type":"DELIVERED","occurredAt":"%4$s"}
					]}""".formatted(shipment.id(), pastEta.minus(Duration.ofHours(1)), pastEta, pastEta.plus(late)));
		}
		Shipment next = planned.get(5);
		postEvents(carrier, """
				{"eventId":"%1$s-eta","shipmentId":"%1$s","type":"ETA_UPDATED","occurredAt":"%2$s","eta":"%3$s"}"""
			.formatted(next.id(), now, eta));
		return next;
	}

	private void postEvents(String carrier, String body) throws Exception {
		this.mvc.perform(post("/api/partner/v1/shipment-events").with(carrier(carrier))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isAccepted()).andExpect(jsonPath("$.rejected").isEmpty());
	}
}

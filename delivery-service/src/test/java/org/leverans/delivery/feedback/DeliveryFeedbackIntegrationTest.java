package org.leverans.delivery.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.claim.ClaimAccepted;
import org.leverans.contracts.claim.ClaimFiled;
import org.leverans.contracts.claim.ClaimRejected;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.delivery.DeliveryIntegrationTest;
import org.leverans.delivery.TestOrders;
import org.leverans.delivery.shipment.Shipment;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DeliveryFeedbackIntegrationTest extends DeliveryIntegrationTest {

	private static final String RATED_FINE = """
			{"onTime":true,"unloadedFine":true,"comment":"Driver called ahead."}""";

	@Test
	void receiverRatesADeliveryToTheirSiteAndSeesTheRatingInTheirHistory() throws Exception {
		UUID site = UUID.randomUUID();
		Shipment shipment = delivered(site);

		rate(shipment, site, RATED_FINE).andExpect(status().isOk())
			.andExpect(jsonPath("$.onTime").value(true))
			.andExpect(jsonPath("$.comment").value("Driver called ahead."));

		this.mvc.perform(get("/api/receiver/deliveries").with(receiver(site)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].id").value(shipment.id().toString()))
			.andExpect(jsonPath("$.items[0].carrier").value("nordic-freight"))
			.andExpect(jsonPath("$.items[0].feedback.unloadedFine").value(true));
	}

	@Test
	void ratingAgainReplacesTheEarlierRatingSoTheScorecardCountsItOnce() throws Exception {
		UUID site = UUID.randomUUID();
		Shipment shipment = delivered(site);
		int before = ratingsOf("nordic-freight");

		rate(shipment, site, RATED_FINE).andExpect(status().isOk());
		rate(shipment, site, """
				{"onTime":false,"unloadedFine":true,"comment":"Came an hour after the window."}""")
			.andExpect(status().isOk());

		assertThat(ratingsOf("nordic-freight")).isEqualTo(before + 1);
		this.mvc.perform(get("/api/receiver/deliveries").with(receiver(site)))
			.andExpect(jsonPath("$.items[0].feedback.onTime").value(false));
		this.mvc.perform(get("/api/admin/carrier-scorecard").with(role("ADMIN")))
			.andExpect(jsonPath("$.carriers[?(@.carrier == 'nordic-freight')].latestComments[0].text")
				.value("Came an hour after the window."));
	}

	@Test
	void refusesToRateAShipmentNotDeliveredYet() throws Exception {
		UUID site = UUID.randomUUID();
		Shipment shipment = planned(site);

		rate(shipment, site, RATED_FINE).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("once it is delivered")));
		assertThat(storedRatings(shipment)).isZero();
	}

	@Test
	void aReceiverAtAnotherSiteCannotTellTheShipmentExists() throws Exception {
		Shipment shipment = delivered(UUID.randomUUID());

		rate(shipment, UUID.randomUUID(), RATED_FINE).andExpect(status().isNotFound());
		assertThat(storedRatings(shipment)).isZero();
	}

	@Test
	void refusesARatingThatLeavesAQuestionUnanswered() throws Exception {
		UUID site = UUID.randomUUID();
		Shipment shipment = delivered(site);

		rate(shipment, site, """
				{"onTime":true}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("unloadedFine"));
		assertThat(storedRatings(shipment)).isZero();
	}

	@Test
	void anotherSitesShipmentIsNotFoundWhateverTheBody() throws Exception {
		Shipment shipment = delivered(UUID.randomUUID());

		rate(shipment, UUID.randomUUID(), "{}").andExpect(status().isNotFound());
		rate(shipment, UUID.randomUUID(), "null").andExpect(status().isNotFound());
	}

	@Test
	void claimsCountAgainstTheCarrierOrTheSupplierAndRejectedOnesNotAtAll() throws Exception {
		Shipment shipment = delivered(UUID.randomUUID());
		String carrier = shipment.carrier();
		int before = claimsAgainst(carrier, "open");
		int acceptedBefore = claimsAgainst(carrier, "accepted");
		int shortBefore = supplierClaims("SHORT");
		UUID damaged = claim(shipment, "DAMAGED", "CARRIER");
		UUID late = claim(shipment, "LATE", "CARRIER");
		claim(shipment, "SHORT", "SUPPLIER");
		String againEventId = UUID.randomUUID().toString();
		publishOrderEvent(shipment.orderId(), againEventId, new ClaimAccepted(damaged, "CL-1", shipment.orderId(),
				"LV-1", TestOrders.RAKENNUS, shipment.id(), "CREDIT", List.of(), null, null, null, "sara",
				Instant.now()));
		publishOrderEvent(shipment.orderId(), againEventId, new ClaimAccepted(damaged, "CL-1", shipment.orderId(),
				"LV-1", TestOrders.RAKENNUS, shipment.id(), "CREDIT", List.of(), null, null, null, "sara",
				Instant.now()));
		publishOrderEvent(shipment.orderId(), new ClaimRejected(late, "CL-2", shipment.orderId(), "LV-1",
				TestOrders.RAKENNUS, "Inside the window", "sara", Instant.now()));

		await().untilAsserted(() -> {
			assertThat(claimsAgainst(carrier, "accepted")).isEqualTo(acceptedBefore + 1);
			assertThat(claimsAgainst(carrier, "open")).isEqualTo(before + 1);
			assertThat(supplierClaims("SHORT")).isEqualTo(shortBefore + 1);
		});
	}

	@Test
	void onlyTheSupplierSeesTheScorecard() throws Exception {
		this.mvc.perform(get("/api/admin/carrier-scorecard").with(receiver(UUID.randomUUID())))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/admin/carrier-scorecard").with(buyer(TestOrders.RAKENNUS)))
			.andExpect(status().isForbidden());
	}

	private Shipment planned(UUID site) {
		return plan(TestOrders.order(TestOrders.RAKENNUS, DeliveryMode.COMPLETE, LocalDate.now().plusDays(1))
			.line(site, "FI", null)
			.accepted(), 1).getFirst();
	}

	private Shipment delivered(UUID site) throws Exception {
		Shipment shipment = planned(site);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		this.mvc.perform(post("/api/partner/v1/shipment-events").with(carrier(shipment.carrier()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"eventId":"%1$s-pod","shipmentId":"%1$s","type":"DELIVERED","occurredAt":"%2$s"}"""
				.formatted(shipment.id(), now.minusSeconds(60))))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.accepted").value(1));
		return shipment;
	}

	private ResultActions rate(Shipment shipment, UUID site, String body) throws Exception {
		return this.mvc.perform(put("/api/shipments/{id}/feedback", shipment.id()).with(receiver(site))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private int ratingsOf(String carrier) throws Exception {
		String body = this.mvc.perform(get("/api/admin/carrier-scorecard").with(role("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(body)
			.path("carriers")
			.valueStream()
			.filter(card -> card.path("carrier").asString().equals(carrier))
			.mapToInt(card -> card.path("ratings").asInt())
			.sum();
	}

	private UUID claim(Shipment shipment, String reason, String against) {
		UUID id = UUID.randomUUID();
		publishOrderEvent(shipment.orderId(), new ClaimFiled(id, "CL-" + id, shipment.orderId(), "LV-1",
				TestOrders.RAKENNUS, shipment.id(), shipment.carrier(), reason, against, "Seen on site", List.of(),
				"mikko", Instant.now()));
		return id;
	}

	private int claimsAgainst(String carrier, String count) throws Exception {
		return scorecard().path("carriers")
			.valueStream()
			.filter(card -> card.path("carrier").asString().equals(carrier))
			.mapToInt(card -> card.path("claims").path(count).asInt())
			.sum();
	}

	private int supplierClaims(String reason) throws Exception {
		return scorecard().path("supplier")
			.valueStream()
			.filter(row -> row.path("reason").asString().equals(reason))
			.mapToInt(row -> row.path("claims").path("open").asInt())
			.sum();
	}

	private tools.jackson.databind.JsonNode scorecard() throws Exception {
		return this.json.readTree(this.mvc.perform(get("/api/admin/carrier-scorecard").with(role("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private int storedRatings(Shipment shipment) {
		return this.jdbc.queryForObject("SELECT count(*) FROM delivery_feedback WHERE shipment_id = ?", Integer.class,
				shipment.id());
	}
}

package org.leverans.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leverans.e2e.OrderToDeliveryIT.JATKASAARI;

/** People and sites choose their notifications through the gateway; other customers' sites stay out of reach. */
class SubscriptionsIT extends PlatformSpec {

	static final String VANTAA = "11111111-0000-0000-0000-000000000003";

	@Test
	void receiverSetsHisSitesArrivingSoonLeadTime() {
		BrowserSession mikko = BrowserSession.signIn(gateway, "mikko", "demo");
		String path = "/api/subscriptions/sites/" + JATKASAARI;
		JsonNode before = mikko.get(path).json();
		assertThat(before.get("channels").get("email").toString()).as("demo data: arriving soon by default")
			.contains("shipment.arriving");

		try {
			Api.Response chosen = mikko.put(path, Map.of("channels",
					Map.of("email", List.of("shipment.arriving", "shipment.window-changed")), "arrivalLeadMinutes", 45));
			assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
			JsonNode after = mikko.get(path).json();
			assertThat(after.get("arrivalLeadMinutes").asInt()).isEqualTo(45);
			assertThat(after.get("updatedBy").asString()).isEqualTo("mikko");

			Api.Response tooEarly = mikko.put(path, Map.of("arrivalLeadMinutes", 600));
			assertThat(tooEarly.status()).as(tooEarly.toString()).isEqualTo(400);
			assertThat(tooEarly.json().get("type").asString()).isEqualTo("urn:leverans:problem:invalid-request");
			assertThat(tooEarly.json().get("errors").get(0).get("field").asString()).isEqualTo("arrivalLeadMinutes");
			assertThat(mikko.get(path).json().get("arrivalLeadMinutes").asInt()).isEqualTo(45);

			Api.Response own = mikko.put("/api/subscriptions/me", Map.of("channels",
					Map.of("live", List.of("shipment.arriving", "shipment.window-changed"))));
			assertThat(own.status()).as(own.toString()).isEqualTo(200);
			assertThat(own.json().get("channels").get("live")).hasSize(2);
		}
		finally {
			// Back to the demo data's choices, so specs watching mikko's arrivals see the usual 30 minutes.
			mikko.put(path, Map.of("channels", Map.of("email", List.of("shipment.arriving",
					"shipment.window-changed", "shipment.delivered")), "arrivalLeadMinutes", 30));
			mikko.put("/api/subscriptions/me", Map.of());
		}
	}

	@Test
	void agreementManagerChoosesForASiteOfHerAgreementNoOrderHasNamedYet() {
		BrowserSession liisa = BrowserSession.signIn(gateway, "liisa", "demo");
		// No spec orders to the Vantaa warehouse: notification-service learns it is Rakennus's from the agreement
		// events, which agreement-service announces at its start; they may still be on their way.
		String path = "/api/subscriptions/sites/" + VANTAA;
		await().atMost(CreditReviewIT.PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Api.Response chosen = liisa.put(path, Map.of("arrivalLeadMinutes", 60));
			assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
		});
		assertThat(liisa.get(path).json().get("arrivalLeadMinutes").asInt()).isEqualTo(60);
	}

	@Test
	void anOrdererMayNotChooseForASiteAndLearnsNothingOfWhichSitesExist() {
		// Only agreement managers and receivers choose for a site: the role decides first, whatever the id.
		BrowserSession erik = BrowserSession.signIn(gateway, "erik", "demo");
		Api.Response response = erik.get("/api/subscriptions/sites/" + JATKASAARI);
		assertThat(response.status()).as(response.toString()).isEqualTo(403);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:leverans:problem:forbidden");
		Api.Response put = erik.put("/api/subscriptions/sites/" + JATKASAARI, Map.of("arrivalLeadMinutes", 5));
		assertThat(put.status()).as(put.toString()).isEqualTo(403);
		Api.Response unknown = erik.get("/api/subscriptions/sites/" + UUID.randomUUID());
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(403);
	}
}

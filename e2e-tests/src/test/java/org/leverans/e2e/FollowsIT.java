package org.leverans.e2e;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leverans.e2e.OrderToDeliveryIT.BYGG_STOCKHOLM;
import static org.leverans.e2e.OrderToDeliveryIT.JATKASAARI;
import static org.leverans.e2e.OrderToDeliveryIT.order;
import static org.leverans.e2e.OrderToDeliveryIT.partnerEvent;

/** Customer service follows what it works on, through the gateway, and sees only that live. */
class FollowsIT extends PlatformSpec {

	static Api rakennusErp;

	static Api supportDesk;

	@BeforeAll
	static void connectClients() {
		rakennusErp = leverans.client("rakennus-erp");
		supportDesk = leverans.client("support-desk");
	}

	@Test
	void customerServiceFollowsAnOrderAndSeesItsShipmentMoveOnTheStream() throws Exception {
		String orderId = place(rakennusErp, order("PO-E2E-FOLLOW", "CEM-25KG", 2, JATKASAARI));
		// The notification service learns of the order from its events; until then the id is unknown to it.
		Api.Response[] followed = new Api.Response[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			followed[0] = supportDesk.post("/api/subscriptions/follows", Map.of("orderId", orderId));
			assertThat(followed[0].status()).as(followed[0].toString()).isIn(200, 201);
		});
		String followId = followed[0].json().get("id").asString();
		assertThat(supportDesk.get("/api/subscriptions/follows").json().get("items").toString()).contains(orderId);

		JsonNode shipment = awaitShipment(orderId);
		try (EventStream stream = EventStream.open(HttpClient.newHttpClient(), gateway, supportDesk.token())) {
			stream.awaitOpen();
			String unfollowed = place(leverans.client("bygg-erp"), order("PO-E2E-NOT-FOLLOWED", "CEM-25KG", 2,
					BYGG_STOCKHOLM));

			Api.Response reported = leverans.client("nordic-freight").post("/api/partner/v1/shipment-events",
					Map.of("events", List.of(partnerEvent("nf-" + UUID.randomUUID(),
							shipment.get("trackingNumber").asString(), "PICKED_UP", Instant.now(), null))));
			assertThat(reported.status()).as(reported.toString()).isEqualTo(202);

			await().atMost(Duration.ofSeconds(60))
				.until(() -> stream.received("shipment.updated", orderId, null));
			assertThat(stream.messages()).noneMatch(m -> unfollowed.equals(m.data().path("orderId").asString("")));
		}

		assertThat(supportDesk.delete("/api/subscriptions/follows/" + followId).status()).isEqualTo(204);
	}

	@Test
	void anotherCustomersOrdererCannotFollowOrdersAndBadFollowsAreProblems() {
		Api byggErp = leverans.client("bygg-erp");
		Api.Response forbidden = byggErp.post("/api/subscriptions/follows",
				Map.of("customerId", "11111111-1111-1111-1111-111111111111"));
		assertThat(forbidden.status()).as(forbidden.toString()).isEqualTo(403);
		assertThat(forbidden.json().get("type").asString()).isEqualTo("urn:leverans:problem:forbidden");

		Api.Response neither = supportDesk.post("/api/subscriptions/follows", Map.of());
		assertThat(neither.status()).isEqualTo(400);
		assertThat(neither.json().get("errors").get(0).get("field").asString()).isEqualTo("orderId");

		Api.Response unknown = supportDesk.post("/api/subscriptions/follows",
				Map.of("orderId", UUID.randomUUID().toString()));
		assertThat(unknown.status()).isEqualTo(404);
	}

	private static String place(Api client, Map<String, Object> order) {
		Api.Response placed = client.post("/api/orders", order, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
		return placed.json().get("id").asString();
	}

	private static JsonNode awaitShipment(String orderId) {
		JsonNode[] shipments = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			shipments[0] = rakennusErp.get("/api/orders/" + orderId).json().get("shipments");
			assertThat(shipments[0]).isNotEmpty();
		});
		return shipments[0].get(0);
	}
}

package org.leverans.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Orders placed and followed through the API, for specs whose subject is something else (the pages). */
final class Orders {

	private Orders() {
	}

	static String place(Api orderer, String purchaseOrderNumber, String sku, int quantity, String siteId) {
		Api.Response placed = orderer.post("/api/orders",
				OrderToDeliveryIT.order(purchaseOrderNumber, sku, quantity, siteId),
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
		return placed.json().get("id").asString();
	}

	static JsonNode awaitStatus(Api reader, String orderId, String status) {
		JsonNode[] order = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			order[0] = reader.get("/api/orders/" + orderId).json();
			assertThat(order[0].get("status").asString()).as(order[0].toString()).isEqualTo(status);
		});
		return order[0];
	}

	static JsonNode awaitShipment(Api reader, String orderId) {
		JsonNode[] shipments = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			shipments[0] = reader.get("/api/orders/" + orderId).json().get("shipments");
			assertThat(shipments[0]).isNotEmpty();
		});
		return shipments[0].get(0);
	}

}

package org.leverans.e2e;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton, through the gateway, with every service running as its own JVM against a real Kafka
 * broker and PostgreSQL: a buyer's order is validated and priced, its credit reserved, it is accepted, a shipment is
 * planned, the carrier reports pick-up, ETA and delivery, and the order ends DELIVERED — while a signed-in buyer
 * watches it live.
 */
class OrderToDeliveryIT extends PlatformSpec {

	static final String JATKASAARI = "11111111-0000-0000-0000-000000000001";

	static final String BYGG_STOCKHOLM = "22222222-0000-0000-0000-000000000001";

	static Api rakennusErp;

	@BeforeAll
	static void connectClients() {
		rakennusErp = leverans.client("rakennus-erp");
	}

	@Test
	void orderTravelsFromPlacementToDeliveryAndTheBuyerSeesItLive() throws Exception {
		BrowserSession anna = BrowserSession.signIn(gateway, "anna", "demo");
		BrowserSession erik = BrowserSession.signIn(gateway, "erik", "demo");
		try (EventStream annasStream = EventStream.open(anna.http(), gateway, null);
				EventStream eriksStream = EventStream.open(erik.http(), gateway, null)) {
			annasStream.awaitOpen();
			eriksStream.awaitOpen();

			Api.Response placed = rakennusErp.post("/api/orders", order("PO-E2E-1", "CEM-25KG", 40, JATKASAARI),
					Map.of("Idempotency-Key", UUID.randomUUID().toString()));
			assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
			assertThat(placed.json().get("status").asString()).isEqualTo("PLACED");
			String orderId = placed.json().get("id").asString();
			assertThat(placed.header("location")).endsWith("/api/orders/" + orderId);

			JsonNode accepted = awaitOrder(orderId, "ACCEPTED");
			assertThat(accepted.at("/lines/0/unitPrice").asString()).isEqualTo("8.40");
			assertThat(accepted.at("/lines/0/lineTotal").asString()).isEqualTo("336.00");
			assertThat(accepted.at("/totals/goods").asString()).isEqualTo("336.00");
			assertThat(accepted.at("/totals/freight").asString()).isEqualTo("95.00");
			assertThat(accepted.at("/totals/total").asString()).isEqualTo("431.00");
			assertThat(accepted.at("/totals/currency").asString()).isEqualTo("EUR");

			JsonNode shipment = awaitShipment(orderId);
			assertThat(shipment.get("carrier").asString()).isEqualTo("nordic-freight");
			assertThat(shipment.get("trackingNumber").asString()).startsWith("NF");
			assertThat(shipment.at("/window/basis").asString()).isEqualTo("PLANNED");
			String trackingNumber = shipment.get("trackingNumber").asString();

			Api nordicFreight = leverans.client("nordic-freight");
			Instant now = Instant.now();
			Api.Response reported = nordicFreight.post("/api/partner/v1/shipment-events", Map.of("events", List.of(
					partnerEvent("nf-" + UUID.randomUUID(), trackingNumber, "PICKED_UP", now.minusSeconds(120), null),
					partnerEvent("nf-" + UUID.randomUUID(), trackingNumber, "ETA_UPDATED", now.minusSeconds(60),
							now.plus(Duration.ofMinutes(40))))));
			assertThat(reported.status()).as(reported.toString()).isEqualTo(202);
			assertThat(reported.json().get("accepted").asInt()).isEqualTo(2);
			awaitOrder(orderId, "IN_DELIVERY");

			Map<String, Object> delivered = partnerEvent("nf-" + UUID.randomUUID(), trackingNumber, "DELIVERED", now, null);
			delivered.put("proofOfDelivery", Map.of("signedBy", "Mikko Nieminen", "note", "Unloaded by crane"));
			assertThat(nordicFreight.post("/api/partner/v1/shipment-events", Map.of("events", List.of(delivered)))
				.status()).isEqualTo(202);
			awaitOrder(orderId, "DELIVERED");

			JsonNode seenByCarrier = nordicFreight.get("/api/shipments/" + shipment.get("id").asString()).json();
			assertThat(seenByCarrier.get("status").asString()).isEqualTo("DELIVERED");
			assertThat(seenByCarrier.get("events")).hasSize(3);

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(annasStream.messages()).as("Anna's stream").isNotEmpty();
				assertThat(annasStream.received("order.status-changed", orderId, "PLACED")).isTrue();
				assertThat(annasStream.received("order.status-changed", orderId, "ACCEPTED")).isTrue();
				assertThat(annasStream.received("shipment.updated", orderId, null)).isTrue();
				assertThat(annasStream.received("shipment.delivered", orderId, null)).isTrue();
				assertThat(annasStream.received("order.status-changed", orderId, "DELIVERED")).isTrue();
			});
			assertThat(annasStream.status()).isEqualTo(200);
			assertThat(eriksStream.status()).isEqualTo(200);
			assertThat(eriksStream.messages()).noneMatch(m -> orderId.equals(m.data().path("orderId").asString("")));
		}
	}

	@Test
	void orderForASiteOutsideTheAgreementIsRejectedWithItsReason() {
		Api.Response placed = rakennusErp.post("/api/orders", order("PO-E2E-2", "CEM-25KG", 5, BYGG_STOCKHOLM),
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(202);

		JsonNode rejected = awaitOrder(placed.json().get("id").asString(), "REJECTED");
		assertThat(rejected.get("statusReasons").findValuesAsString("code")).contains("SITE_NOT_IN_AGREEMENT");
	}

	@Test
	void anotherCustomerCannotReadTheOrder() {
		String orderId = placeAcceptableOrder("PO-E2E-3");

		Api byggErp = leverans.client("bygg-erp");
		assertThat(byggErp.get("/api/orders/" + orderId).status()).isIn(403, 404);
		assertThat(rakennusErp.get("/api/orders/" + orderId).status()).isEqualTo(200);
	}

	@Test
	void aCarrierCannotReportOnAnotherCarriersShipment() {
		String orderId = placeAcceptableOrder("PO-E2E-4");
		awaitOrder(orderId, "ACCEPTED");
		JsonNode shipment = awaitShipment(orderId);

		Api balticHaulage = leverans.client("baltic-haulage");
		Api.Response reported = balticHaulage.post("/api/partner/v1/shipment-events", Map.of("events", List.of(
				partnerEvent("bh-" + UUID.randomUUID(), shipment.get("trackingNumber").asString(), "PICKED_UP",
						Instant.now(), null))));

		assertThat(reported.status()).isEqualTo(202);
		assertThat(reported.json().get("accepted").asInt()).isZero();
		assertThat(reported.json().get("rejected")).hasSize(1);
		assertThat(balticHaulage.get("/api/shipments/" + shipment.get("id").asString()).status()).isIn(403, 404);
		JsonNode unchanged = leverans.client("nordic-freight").get("/api/shipments/" + shipment.get("id").asString()).json();
		assertThat(unchanged.get("status").asString()).isEqualTo("PLANNED");
	}

	@Test
	void theSameOrderSentTwiceWithOneIdempotencyKeyCreatesOneOrder() {
		Map<String, Object> order = order("PO-E2E-5-" + UUID.randomUUID(), "CEM-25KG", 3, JATKASAARI);
		Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

		Api.Response first = rakennusErp.post("/api/orders", order, key);
		Api.Response second = rakennusErp.post("/api/orders", order, key);

		assertThat(first.status()).isEqualTo(202);
		assertThat(second.status()).isEqualTo(202);
		assertThat(second.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		JsonNode history = rakennusErp.get("/api/orders?purchaseOrderNumber=" + order.get("purchaseOrderNumber")).json();
		assertThat(history.get("items")).hasSize(1);
	}

	@Test
	void badInputIsAProblemAndStoresNothing() {
		Api.Response noToken = Api.anonymous(gateway).get("/api/orders");
		assertThat(noToken.status()).isEqualTo(401);

		Api.Response malformed = rakennusErp.post("/api/orders", "{\"purchaseOrderNumber\": ",
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.header("content-type")).startsWith("application/problem+json");

		Map<String, Object> wrongType = order("PO-E2E-BAD", "CEM-25KG", 1, JATKASAARI);
		wrongType.put("lines", List.of(Map.of("sku", "CEM-25KG", "quantity", "forty", "packageSize", "PALLET",
				"siteId", JATKASAARI)));
		Api.Response typed = rakennusErp.post("/api/orders", wrongType, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(typed.status()).isEqualTo(400);
		assertThat(typed.body()).contains("quantity");

		Api.Response forbidden = leverans.client("nordic-freight").post("/api/orders",
				order("PO-E2E-BAD", "CEM-25KG", 1, JATKASAARI), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(forbidden.status()).isEqualTo(403);

		JsonNode history = rakennusErp.get("/api/orders?purchaseOrderNumber=PO-E2E-BAD").json();
		assertThat(history.get("items")).isEmpty();
	}

	private static String placeAcceptableOrder(String purchaseOrderNumber) {
		Api.Response placed = rakennusErp.post("/api/orders", order(purchaseOrderNumber, "CEM-25KG", 2, JATKASAARI),
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
		return placed.json().get("id").asString();
	}

	private static JsonNode awaitOrder(String orderId, String status) {
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			last[0] = rakennusErp.get("/api/orders/" + orderId).json();
			assertThat(last[0].get("status").asString()).as(last[0].toString()).isEqualTo(status);
		});
		return last[0];
	}

	private static JsonNode awaitShipment(String orderId) {
		JsonNode[] shipments = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			shipments[0] = rakennusErp.get("/api/orders/" + orderId).json().get("shipments");
			assertThat(shipments[0]).isNotEmpty();
		});
		return shipments[0].get(0);
	}

	static Map<String, Object> order(String purchaseOrderNumber, String sku, int quantity, String siteId) {
		Map<String, Object> order = new java.util.LinkedHashMap<>();
		order.put("purchaseOrderNumber", purchaseOrderNumber);
		order.put("deliveryMode", "SPLIT_ALLOWED");
		order.put("requestedDelivery", Map.of("date", workingDayInAWeek().toString(), "from", "07:00", "to", "09:00"));
		order.put("lines", List.of(Map.of("sku", sku, "quantity", quantity, "packageSize", "PALLET", "siteId", siteId)));
		order.put("note", "Crane on site 7-9");
		return order;
	}

	static Map<String, Object> partnerEvent(String eventId, String trackingNumber, String type, Instant occurredAt,
			Instant eta) {
		Map<String, Object> event = new java.util.LinkedHashMap<>();
		event.put("eventId", eventId);
		event.put("trackingNumber", trackingNumber);
		event.put("type", type);
		event.put("occurredAt", occurredAt.toString());
		if (eta != null) {
			event.put("eta", eta.toString());
		}
		event.put("position", Map.of("lat", 60.16, "lon", 24.92));
		return event;
	}

	static LocalDate workingDayInAWeek() {
		LocalDate date = LocalDate.now().plusDays(7);
		while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
			date = date.plusDays(1);
		}
		return date;
	}
}

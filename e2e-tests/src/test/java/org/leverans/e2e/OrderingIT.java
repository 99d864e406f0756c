package org.leverans.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * B2B ordering under an agreement, through the gateway: a quick order is previewed from pasted text and placed at
 * exactly the previewed prices, an unknown product code is refused before anything is stored, an earlier order is
 * previewed and placed again, and every person and integration sees only what is theirs.
 */
class OrderingIT extends PlatformSpec {

	static final String RAKENNUS = "11111111-1111-1111-1111-111111111111";

	static final String JATKASAARI = "11111111-0000-0000-0000-000000000001";

	static final String PASILA = "11111111-0000-0000-0000-000000000002";

	static Api rakennusErp;

	@BeforeAll
	static void connectClients() {
		rakennusErp = leverans.client("rakennus-erp");
		// The product check at placement waits at most 2 s for agreement-service and otherwise lets validation
		// decide later; a service's very first request (token keys, connection pool, JIT) can take longer. Wait
		// until quotes are answered, as a person would see prices in the preview before ordering.
		Map<String, Object> warmUp = Map.of("pastedLines", "CEM-25KG 1", "defaultSiteId", JATKASAARI);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> rakennusErp.post("/api/orders/preview", warmUp).status() == 200);
	}

	@Test
	void aPastedQuickOrderIsPreviewedAndItsGoodLinesArePlacedAtExactlyThePreviewedPrices() {
		Map<String, Object> previewRequest = new LinkedHashMap<>();
		previewRequest.put("pastedLines", "CEM-25KG 40\nPLY-18MM;12\nNOPE-1\t3");
		previewRequest.put("defaultSiteId", JATKASAARI);
		previewRequest.put("deliveryMode", "SPLIT_ALLOWED");
		previewRequest.put("requestedDelivery", slot());

		Api.Response previewed = rakennusErp.post("/api/orders/preview", previewRequest);

		assertThat(previewed.status()).as(previewed.toString()).isEqualTo(200);
		JsonNode preview = previewed.json();
		JsonNode lines = preview.get("lines");
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0).get("lineNo").asInt()).isEqualTo(1);
		assertThat(lines.get(0).get("sku").asString()).isEqualTo("CEM-25KG");
		assertThat(lines.get(0).get("unitPrice").asString()).isEqualTo("8.40");
		assertThat(lines.get(0).get("lineTotal").asString()).isEqualTo("336.00");
		assertThat(lines.get(0).get("problems")).isEmpty();
		assertThat(lines.get(1).get("sku").asString()).isEqualTo("PLY-18MM");
		assertThat(lines.get(1).get("unitPrice").asString()).isEqualTo("42.90");
		assertThat(lines.get(1).get("lineTotal").asString()).isEqualTo("514.80");
		assertThat(lines.get(2).get("lineNo").asInt()).isEqualTo(3);
		assertThat(lines.get(2).get("problems").get(0).get("code").asString()).isEqualTo("SKU_UNKNOWN");
		assertThat(preview.at("/totals/goods").asString()).isEqualTo("850.80");
		assertThat(preview.at("/totals/freight").asString()).isEqualTo("95.00");
		assertThat(preview.at("/totals/total").asString()).isEqualTo("945.80");
		assertThat(preview.at("/totals/currency").asString()).isEqualTo("EUR");
		assertThat(preview.get("paymentDueDate").isNull()).isFalse();
		assertThat(preview.get("orderable").asBoolean()).isFalse();

		List<Map<String, Object>> goodLines = new ArrayList<>();
		for (JsonNode line : lines) {
			if (line.get("problems").isEmpty()) {
				goodLines.add(Map.of("sku", line.get("sku").asString(), "quantity", line.get("quantity").asInt(),
						"packageSize", line.get("packageSize").asString(), "siteId", JATKASAARI));
			}
		}
		Map<String, Object> order = order("PO-QUICK-" + UUID.randomUUID(), goodLines);
		Api.Response placed = rakennusErp.post("/api/orders", order, idempotencyKey());
		assertThat(placed.status()).as(placed.toString()).isEqualTo(202);

		JsonNode accepted = awaitOrder(rakennusErp, placed.json().get("id").asString(), "ACCEPTED");
		assertThat(accepted.at("/lines/0/unitPrice").asString()).isEqualTo(lines.get(0).get("unitPrice").asString());
		assertThat(accepted.at("/lines/0/lineTotal").asString()).isEqualTo(lines.get(0).get("lineTotal").asString());
		assertThat(accepted.at("/lines/1/unitPrice").asString()).isEqualTo(lines.get(1).get("unitPrice").asString());
		assertThat(accepted.at("/lines/1/lineTotal").asString()).isEqualTo(lines.get(1).get("lineTotal").asString());
		assertThat(accepted.get("totals")).isEqualTo(preview.get("totals"));
	}

	@Test
	void anUnknownProductCodeAtPlacementIsA400NamingTheLineAndNoOrderIsStored() {
		String po = "PO-UNKNOWN-" + UUID.randomUUID();
		Map<String, Object> order = order(po,
				List.of(Map.of("sku", "NOPE-404", "quantity", 3, "packageSize", "PALLET", "siteId", JATKASAARI)));

		Api.Response refused = rakennusErp.post("/api/orders", order, idempotencyKey());

		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.header("content-type")).startsWith("application/problem+json");
		JsonNode error = refused.json().get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo("lines[0].sku");
		assertThat(error.get("code").asString()).isEqualTo("SKU_UNKNOWN");
		assertThat(rakennusErp.get("/api/orders?purchaseOrderNumber=" + po).json().get("items")).isEmpty();
	}

	@Test
	void anEarlierOrderIsPreviewedAtTodaysPricesAndPlacedAgainOnce() {
		String earlier = place(rakennusErp, "PO-ORIGINAL-" + UUID.randomUUID(), "CEM-25KG", 40, JATKASAARI);
		awaitOrder(rakennusErp, earlier, "ACCEPTED");
		Map<String, Object> again = Map.of("requestedDelivery", slot(), "purchaseOrderNumber",
				"PO-AGAIN-" + UUID.randomUUID());

		Api.Response previewed = rakennusErp.post("/api/orders/" + earlier + "/reorder?preview=true", again);

		assertThat(previewed.status()).as(previewed.toString()).isEqualTo(200);
		assertThat(previewed.json().at("/lines/0/unitPrice").asString()).isEqualTo("8.40");
		assertThat(previewed.json().at("/totals/total").asString()).isEqualTo("431.00");
		assertThat(previewed.json().get("orderable").asBoolean()).isTrue();

		Map<String, String> key = idempotencyKey();
		Api.Response reordered = rakennusErp.post("/api/orders/" + earlier + "/reorder", again, key);
		Api.Response repeated = rakennusErp.post("/api/orders/" + earlier + "/reorder", again, key);

		assertThat(reordered.status()).as(reordered.toString()).isEqualTo(202);
		assertThat(repeated.status()).isEqualTo(202);
		String reorderId = reordered.json().get("id").asString();
		assertThat(repeated.json().get("id").asString()).isEqualTo(reorderId);
		assertThat(reorderId).isNotEqualTo(earlier);
		JsonNode accepted = awaitOrder(rakennusErp, reorderId, "ACCEPTED");
		assertThat(accepted.get("totals")).isEqualTo(previewed.json().get("totals"));
	}

	@Test
	void eachPersonAndIntegrationSeesOnlyWhatIsTheirs() {
		String atJatkasaari = place(rakennusErp, "PO-SITE-J-" + UUID.randomUUID(), "CEM-25KG", 2, JATKASAARI);
		String atPasila = place(rakennusErp, "PO-SITE-P-" + UUID.randomUUID(), "CEM-25KG", 2, PASILA);

		// The receiver at Jätkäsaari sees deliveries to his site, not the rest of his company's orders.
		BrowserSession mikko = BrowserSession.signIn(gateway, "mikko", "demo");
		assertThat(mikko.get("/api/orders/" + atJatkasaari).status()).isEqualTo(200);
		assertThat(mikko.get("/api/orders/" + atPasila).status()).isEqualTo(404);
		Api.Response mikkosHistory = mikko.get("/api/orders?size=100");
		assertThat(mikkosHistory.status()).isEqualTo(200);
		JsonNode mikkosOrders = mikkosHistory.json().get("items");
		assertThat(mikkosOrders.findValuesAsString("id")).contains(atJatkasaari).doesNotContain(atPasila);
		for (JsonNode item : mikkosOrders) {
			assertThat(item.get("siteIds").valueStream().map(JsonNode::asString)).contains(JATKASAARI);
		}

		// The agreement manager sees every order of the company, and the agreement with its price list.
		BrowserSession liisa = BrowserSession.signIn(gateway, "liisa", "demo");
		assertThat(liisa.get("/api/orders/" + atJatkasaari).status()).isEqualTo(200);
		assertThat(liisa.get("/api/orders/" + atPasila).status()).isEqualTo(200);
		JsonNode liisasOrders = liisa.get("/api/orders?size=100").json().get("items");
		assertThat(liisasOrders.findValuesAsString("id")).contains(atJatkasaari, atPasila);
		assertThat(liisasOrders.findValuesAsString("customerId")).containsOnly(RAKENNUS);
		Api.Response agreement = liisa.get("/api/agreements/current");
		assertThat(agreement.status()).as(agreement.toString()).isEqualTo(200);
		assertThat(agreement.json().get("number").asString()).isEqualTo("AG-2026-0001");
		assertThat(agreement.json().get("currency").asString()).isEqualTo("EUR");

		// Bygg AB sees its own catalogue in SEK, and none of Rakennus' orders.
		BrowserSession erik = BrowserSession.signIn(gateway, "erik", "demo");
		JsonNode byggCatalogue = erik.get("/api/catalog?size=100").json();
		assertThat(byggCatalogue.get("items")).isNotEmpty();
		assertThat(byggCatalogue.get("items").findValuesAsString("currency")).containsOnly("SEK");
		assertThat(byggCatalogue.get("items").findValuesAsString("group")).containsAnyOf("CEMENT")
			.allMatch(group -> List.of("CEMENT", "TIMBER", "FASTENERS").contains(group));
		assertThat(erik.get("/api/orders/" + atJatkasaari).status()).isEqualTo(404);
		Api byggErp = leverans.client("bygg-erp");
		assertThat(byggErp.get("/api/orders/" + atPasila).status()).isEqualTo(404);
		assertThat(byggErp.get("/api/orders?size=100").json().get("items").findValuesAsString("id"))
			.doesNotContain(atJatkasaari, atPasila);

		// The supplier's back office administers customers; a buyer may not.
		Api.Response customers = leverans.client("supplier-erp").get("/api/admin/customers");
		assertThat(customers.status()).as(customers.toString()).isEqualTo(200);
		assertThat(customers.json().findValuesAsString("name")).contains("Rakennus Oy", "Bygg AB");
		assertThat(rakennusErp.get("/api/admin/customers").status()).isEqualTo(403);
	}

	private static String place(Api api, String purchaseOrderNumber, String sku, int quantity, String siteId) {
		Api.Response placed = api.post("/api/orders", order(purchaseOrderNumber,
				List.of(Map.of("sku", sku, "quantity", quantity, "packageSize", "PALLET", "siteId", siteId))),
				idempotencyKey());
		assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
		return placed.json().get("id").asString();
	}

	private static Map<String, Object> order(String purchaseOrderNumber, List<Map<String, Object>> lines) {
		Map<String, Object> order = new LinkedHashMap<>();
		order.put("purchaseOrderNumber", purchaseOrderNumber);
		order.put("deliveryMode", "SPLIT_ALLOWED");
		order.put("requestedDelivery", slot());
		order.put("lines", lines);
		return order;
	}

	private static Map<String, Object> slot() {
		return Map.of("date", OrderToDeliveryIT.workingDayInAWeek().toString(), "from", "07:00", "to", "09:00");
	}

	private static Map<String, String> idempotencyKey() {
		return Map.of("Idempotency-Key", UUID.randomUUID().toString());
	}

	private static JsonNode awaitOrder(Api api, String orderId, String status) {
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			last[0] = api.get("/api/orders/" + orderId).json();
			assertThat(last[0].get("status").asString()).as(last[0].toString()).isEqualTo(status);
		});
		return last[0];
	}
}

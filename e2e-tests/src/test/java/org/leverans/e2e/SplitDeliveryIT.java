package org.leverans.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Split delivery through the gateway: a Rakennus Oy order with one line in stock and one available only later
 * becomes two shipments on different dates; the carrier delivers them one after the other and the order goes
 * PARTIALLY_DELIVERED, then DELIVERED. Resent and late events change nothing, the receiver on site sees what is
 * coming, an oversized batch is refused whole, and the supplier's back office reads the delivery accuracy.
 */
class SplitDeliveryIT extends PlatformSpec {

	static final String JATKASAARI = "11111111-0000-0000-0000-000000000001";

	/** In stock. */
	static final String CEMENT = "CEM-25KG";

	/** Glulam beams: available only in 14 days (the demo catalogue's availability lead time). */
	static final String GLULAM = "GLULAM-90x270";

	static Api rakennusErp;

	static Api nordicFreight;

	@BeforeAll
	static void connectClients() {
		rakennusErp = leverans.client("rakennus-erp");
		nordicFreight = leverans.client("nordic-freight");
	}

	@Test
	void anOrderWithALaterLineIsDeliveredInTwoShipmentsAndEndsDelivered() {
		LocalDate requested = OrderToDeliveryIT.workingDayInAWeek();
		JsonNode catalogue = rakennusErp.get("/api/catalog?q=glulam").json();
		LocalDate glulamFrom = LocalDate.parse(catalogue.at("/items/0/availableFrom").asString());
		assertThat(glulamFrom).as("the demo catalogue has a product available only later").isAfter(requested);

		String orderId = place(requested, List.of(line(CEMENT, 40), line(GLULAM, 6)));
		awaitOrder(orderId, "ACCEPTED");
		List<JsonNode> shipments = awaitShipments(orderId, 2);
		JsonNode now = shipments.get(0);
		JsonNode later = shipments.get(1);
		assertThat(now.get("plannedDate").asString()).isEqualTo(requested.toString());
		assertThat(later.get("plannedDate").asString()).isEqualTo(glulamFrom.toString());
		assertThat(now.at("/lines/0/sku").asString()).isEqualTo(CEMENT);
		assertThat(later.at("/lines/0/sku").asString()).isEqualToIgnoringCase(GLULAM);
		assertThat(shipments).allSatisfy(shipment -> {
			assertThat(shipment.get("carrier").asString()).isEqualTo("nordic-freight");
			assertThat(shipment.get("shipmentsInOrder").asInt()).isEqualTo(2);
			assertThat(shipment.at("/window/basis").asString()).isEqualTo("PLANNED");
		});

		BrowserSession mikko = BrowserSession.signIn(gateway, "mikko", "demo");
		JsonNode arrivals = mikko.get("/api/receiver/arrivals").json();
		List<String> arriving = arrivals.get("items").valueStream().map(item -> item.get("id").asString()).toList();
		assertThat(arriving).contains(now.get("id").asString(), later.get("id").asString());
		Api.Response opened = mikko.get("/api/shipments/" + later.get("id").asString());
		assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
		assertThat(opened.json().get("siteId").asString()).isEqualTo(JATKASAARI);

		Instant pickedUp = Instant.now().minusSeconds(600);
		report(event(now, "PICKED_UP", pickedUp), event(now, "ETA_UPDATED", pickedUp.plusSeconds(60))
			.with("eta", Instant.now().plus(Duration.ofMinutes(30))));
		awaitOrder(orderId, "IN_DELIVERY");
		Event firstDelivered = event(now, "DELIVERED", Instant.now().minusSeconds(5))
			.with("proofOfDelivery", Map.of("signedBy", "Mikko Nieminen", "note", "Cement unloaded by crane"));
		report(firstDelivered);
		awaitOrder(orderId, "PARTIALLY_DELIVERED");

		Instant laterPickedUp = Instant.now().minusSeconds(300);
		report(event(later, "PICKED_UP", laterPickedUp));
		Event secondDelivered = event(later, "DELIVERED", Instant.now().minusSeconds(2))
			.with("proofOfDelivery", Map.of("signedBy", "Mikko Nieminen", "note", "Beams on the north side"));
		report(secondDelivered);
		JsonNode delivered = awaitOrder(orderId, "DELIVERED");
		assertThat(delivered.get("shipments").valueStream().map(s -> s.get("status").asString()))
			.containsOnly("DELIVERED");

		Api.Response resent = nordicFreight.post("/api/partner/v1/shipment-events", Map.of("events", List.of(secondDelivered.body())));
		assertThat(resent.status()).isEqualTo(202);
		assertThat(resent.json().get("accepted").asInt()).isZero();
		assertThat(resent.json().get("duplicates").asInt()).isEqualTo(1);

		Api.Response late = nordicFreight.post("/api/partner/v1/shipment-events", Map.of("events", List.of(
				event(later, "IN_TRANSIT", laterPickedUp.plusSeconds(60)).body())));
		assertThat(late.json().get("accepted").asInt()).as(late.toString()).isEqualTo(1);
		JsonNode afterLateEvent = nordicFreight.get("/api/shipments/" + later.get("id").asString()).json();
		assertThat(afterLateEvent.get("status").asString()).isEqualTo("DELIVERED");
		assertThat(afterLateEvent.at("/window/basis").asString()).isEqualTo("ACTUAL");
		assertThat(afterLateEvent.get("events").valueStream().map(e -> e.get("type").asString()))
			.containsExactly("PICKED_UP", "IN_TRANSIT", "DELIVERED");
		assertThat(afterLateEvent.at("/proofOfDelivery/signedBy").asString()).isEqualTo("Mikko Nieminen");
		assertThat(awaitOrder(orderId, "DELIVERED").get("status").asString()).isEqualTo("DELIVERED");

		JsonNode accuracy = leverans.client("supplier-erp").get("/api/admin/delivery-accuracy").json();
		JsonNode nordic = accuracy.get("carriers").valueStream()
			.filter(carrier -> carrier.get("carrier").asString().equals("nordic-freight"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("nordic-freight missing in " + accuracy));
		assertThat(nordic.get("delivered").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(accuracy.at("/overall/delivered").asInt()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aBatchOfMoreThanAThousandEventsIsRefusedWholeThroughTheGateway() {
		List<Map<String, Object>> events = IntStream.rangeClosed(1, 1001)
			.mapToObj(i -> Map.<String, Object>of("eventId", "nf-big-" + i, "trackingNumber", "NF0000000000", "type",
					"IN_TRANSIT", "occurredAt", Instant.now().minusSeconds(60).toString()))
			.toList();

		Api.Response tooMany = nordicFreight.post("/api/partner/v1/shipment-events", Map.of("events", events));

		assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(413);
		assertThat(tooMany.header("content-type")).startsWith("application/problem+json");
		assertThat(tooMany.json().get("status").asInt()).isEqualTo(413);
	}

	@Test
	void onlyTheSupplierSideReadsHowWellTheWindowsHeld() {
		Api.Response report = leverans.client("supplier-erp").get("/api/admin/delivery-accuracy");

		assertThat(report.status()).as(report.toString()).isEqualTo(200);
		assertThat(report.json().get("carriers").isArray()).isTrue();
		assertThat(report.json().at("/overall/oneHourBefore/samples").isNumber()).as(report.toString()).isTrue();
		assertThat(report.json().at("/overall/fourHoursBefore/samples").isNumber()).as(report.toString()).isTrue();
		assertThat(leverans.client("rakennus-erp").get("/api/admin/delivery-accuracy").status()).isEqualTo(403);
	}

	private static String place(LocalDate requested, List<Map<String, Object>> lines) {
		Map<String, Object> order = new LinkedHashMap<>();
		order.put("purchaseOrderNumber", "PO-SPLIT-" + UUID.randomUUID());
		order.put("deliveryMode", "SPLIT_ALLOWED");
		order.put("requestedDelivery", Map.of("date", requested.toString(), "from", "07:00", "to", "09:00"));
		order.put("lines", lines);
		Api.Response placed = rakennusErp.post("/api/orders", order, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
		return placed.json().get("id").asString();
	}

	private static Map<String, Object> line(String sku, int quantity) {
		return Map.of("sku", sku, "quantity", quantity, "packageSize", "PALLET", "siteId", JATKASAARI);
	}

	private static void report(Event... events) {
		Api.Response reported = nordicFreight.post("/api/partner/v1/shipment-events",
				Map.of("events", List.of(events).stream().map(Event::body).toList()));
		assertThat(reported.status()).as(reported.toString()).isEqualTo(202);
		assertThat(reported.json().get("accepted").asInt()).as(reported.toString()).isEqualTo(events.length);
	}

	private static Event event(JsonNode shipment, String type, Instant occurredAt) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("eventId", "nf-" + UUID.randomUUID());
		body.put("trackingNumber", shipment.get("trackingNumber").asString());
		body.put("type", type);
		body.put("occurredAt", occurredAt.toString());
		body.put("position", Map.of("lat", 60.16, "lon", 24.92));
		return new Event(body);
	}

	private record Event(Map<String, Object> body) {

		Event with(String field, Object value) {
			this.body.put(field, (value instanceof Instant instant) ? instant.toString() : value);
			return this;
		}
	}

	private static JsonNode awaitOrder(String orderId, String status) {
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			last[0] = rakennusErp.get("/api/orders/" + orderId).json();
			assertThat(last[0].get("status").asString()).as(last[0].toString()).isEqualTo(status);
		});
		return last[0];
	}

	/** The order's shipments from delivery-service, earliest planned date first. */
	private static List<JsonNode> awaitShipments(String orderId, int count) {
		List<JsonNode> shipments = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			shipments.clear();
			rakennusErp.get("/api/shipments?orderId=" + orderId).json().get("items").forEach(shipments::add);
			assertThat(shipments).hasSize(count);
		});
		shipments.sort(Comparator.comparing(shipment -> shipment.get("plannedDate").asString()));
		return shipments;
	}
}

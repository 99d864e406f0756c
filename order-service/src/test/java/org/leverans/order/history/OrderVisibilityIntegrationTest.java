package org.leverans.order.history;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.assertj.core.data.TemporalUnitOffset;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.DeliveryWindowChanged;
import org.leverans.contracts.shipment.ShipmentPlanned;
import org.leverans.order.OrderEvents;
import org.leverans.order.OrderServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.leverans.order.OrderEvents.planned;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

class OrderVisibilityIntegrationTest extends OrderServiceIntegrationTest {

	private static final TemporalUnitOffset MICRO = within(1, ChronoUnit.MICROS);

	@Test
	void buyerSeesTheirOrderWithLinesAndPlacement() throws Exception {
		UUID id = placeOrder(JATKASAARI);

		JsonNode order = getOrder(id, token("liisa", RAKENNUS, List.of(), "AGREEMENT_MANAGER"));

		assertThat(order.get("orderNumber").asString()).startsWith("LV-");
		assertThat(order.get("placedBy").asString()).isEqualTo("anna");
		assertThat(order.get("deliveryMode").asString()).isEqualTo("SPLIT_ALLOWED");
		assertThat(order.get("note").asString()).isEqualTo("Crane on site 7–9");
		assertThat(order.get("lines").get(0).get("lineNo").asInt()).isEqualTo(1);
		assertThat(order.get("lines").get(0).get("quantity").asInt()).isEqualTo(40);
		assertThat(order.get("statusHistory").get(0).get("status").asString()).isEqualTo("PLACED");
	}

	@Test
	void anotherCustomersOrderIsNotFound() throws Exception {
		UUID id = placeOrder(JATKASAARI);

		MvcResult result = this.mvc.perform(get("/api/orders/{id}", id).with(erik())).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
	}

	@Test
	void receiverSeesOnlyOrdersForTheirSites() throws Exception {
		UUID forMikko = placeOrder(PASILA, JATKASAARI);
		UUID notForMikko = placeOrder(PASILA);

		assertThat(getOrder(forMikko, mikko()).get("id").asString()).isEqualTo(forMikko.toString());
		assertThat(this.mvc.perform(get("/api/orders/{id}", notForMikko).with(mikko()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void customerServiceSeesEveryCustomersOrders() throws Exception {
		UUID id = placeOrder(JATKASAARI);

		assertThat(getOrder(id, sara()).get("customerId").asString()).isEqualTo(RAKENNUS.toString());
	}

	@Test
	void carriersHaveNoBusinessWithOrders() throws Exception {
		UUID id = placeOrder(JATKASAARI);

		MvcResult result = this.mvc.perform(get("/api/orders/{id}", id)
			.with(token("nordic-freight", null, List.of(), "CARRIER"))).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(403);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
	}

	@Test
	void healthIsOpenWithoutAToken() throws Exception {
		assertThat(this.mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void openApiDocumentIsPublished() throws Exception {
		MvcResult result = this.mvc.perform(get("/v3/api-docs")).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(read(result).get("paths").has("/api/orders/{id}/cancel")).isTrue();
	}

	@Test
	void malformedOrderIdIsNotFound() throws Exception {
		assertThat(this.mvc.perform(get("/api/orders/not-an-id").with(anna())).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	@Test
	void historyListsTheCallersCustomersOrdersNewestFirst() throws Exception {
		String po = "PO-HIST-" + UUID.randomUUID();
		UUID older = placeOrder(JATKASAARI);
		MvcResult placed = place(anna(), UUID.randomUUID().toString(), orderBody(po, PASILA));
		UUID newer = UUID.fromString(read(placed).get("id").asString());

		JsonNode page = history(anna(), "size=100");
		List<String> ids = page.get("items").valueStream().map(i -> i.get("id").asString()).toList();
		assertThat(ids).contains(older.toString(), newer.toString());
		assertThat(ids.indexOf(newer.toString())).isLessThan(ids.indexOf(older.toString()));
		assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);

		JsonNode byPo = history(anna(), "purchaseOrderNumber=" + po);
		assertThat(byPo.get("items")).hasSize(1);
		assertThat(byPo.get("items").get(0).get("siteIds").get(0).asString()).isEqualTo(PASILA.toString());

		JsonNode erik = history(erik(), "purchaseOrderNumber=" + po);
		assertThat(erik.get("items")).isEmpty();
	}

	@Test
	void historyFiltersByStatusSiteAndDate() throws Exception {
		UUID id = placeOrder(JATKASAARI);
		this.mvc.perform(post("/api/orders/{id}/cancel", id).with(anna()));

		List<String> cancelled = history(anna(), "status=CANCELLED&size=100").get("items")
			.valueStream()
			.map(i -> i.get("id").asString())
			.toList();
		List<String> placed = history(anna(), "status=PLACED&size=100").get("items")
			.valueStream()
			.map(i -> i.get("id").asString())
			.toList();
		assertThat(cancelled).contains(id.toString());
		assertThat(placed).doesNotContain(id.toString());

		String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
		assertThat(history(anna(), "from=" + today + "&to=" + today + "&size=100").get("items")
			.valueStream()
			.map(i -> i.get("id").asString())).contains(id.toString());
		assertThat(history(anna(), "to=2020-01-01").get("items")).isEmpty();
		assertThat(history(mikko(), "siteId=" + JATKASAARI + "&size=100").get("items")
			.valueStream()
			.map(i -> i.get("id").asString())).contains(id.toString());
	}

	@Test
	void badHistoryParametersAreNamed() throws Exception {
		MvcResult status = this.mvc.perform(get("/api/orders?status=LOST").with(anna())).andReturn();
		MvcResult size = this.mvc.perform(get("/api/orders?size=0").with(anna())).andReturn();

		assertThat(status.getResponse().getStatus()).isEqualTo(400);
		assertThat(read(status).get("errors").get(0).get("field").asString()).isEqualTo("status");
		assertThat(size.getResponse().getStatus()).isEqualTo(400);
		assertThat(read(size).get("errors").get(0).get("field").asString()).isEqualTo("size");
	}

	@Test
	void customerServiceFindsOrdersByNumberPoTrackingNumberAndCustomer() throws Exception {
		String po = "PO-SUPPORT-" + UUID.randomUUID();
		JsonNode placed = read(place(anna(), UUID.randomUUID().toString(), orderBody(po, JATKASAARI)));
		UUID id = UUID.fromString(placed.get("id").asString());
		String orderNumber = placed.get("orderNumber").asString();
		accept(id, JATKASAARI);
		send(id, planned(UUID.randomUUID(), id, JATKASAARI, "NF7777777777", 1, 1));
		awaitTimeline(id, "ShipmentPlanned", 1);

		assertThat(search(orderNumber)).contains(id.toString());
		assertThat(search(orderNumber.substring(3))).contains(id.toString());
		assertThat(search(po.toLowerCase())).contains(id.toString());
		assertThat(search("nf7777777777")).contains(id.toString());
		assertThat(this.mvc.perform(get("/api/support/orders?q=" + RAKENNUS + "&size=100").with(sara()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(this.mvc.perform(get("/api/support/orders?q=" + orderNumber).with(anna()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);

		JsonNode timeline = read(this.mvc.perform(get("/api/support/orders/{id}/timeline", id).with(sara())).andReturn());
		List<String> types = timeline.get("events").valueStream().map(e -> e.get("type").asString()).toList();
		// validation and credit come on different topics, so either may be applied first
		assertThat(types).containsSubsequence("OrderPlaced", "OrderAccepted", "ShipmentPlanned")
			.contains("OrderValidated", "CreditReserved");
	}

	@Test
	void customerServiceFindsEveryOrderOfACustomerByPartOfItsNameInAnyCase() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String name = "Kallio Rakennus " + suffix + " Oy";
		UUID first = placeOrder(JATKASAARI);
		UUID second = placeOrder(JATKASAARI);
		UUID other = placeOrder(JATKASAARI);
		for (UUID id : List.of(first, second)) {
			send(id, OrderEvents.validated(id, name, JATKASAARI));
		}
		send(other, OrderEvents.validated(other, "Kivi " + suffix + " Ab", JATKASAARI));
		for (UUID id : List.of(first, second, other)) {
			awaitTimeline(id, "OrderValidated", 1);
		}

		assertThat(search("RAKENNUS " + suffix.toUpperCase())).containsExactlyInAnyOrder(first.toString(),
				second.toString());
		assertThat(search(suffix)).containsExactlyInAnyOrder(first.toString(), second.toString(), other.toString());
		JsonNode found = read(this.mvc.perform(get("/api/support/orders").param("q", "kallio rakennus " + suffix)
			.with(sara())).andReturn());
		assertThat(found.get("items").valueStream().map(i -> i.get("customerName").asString()))
			.containsOnly(name);
		JsonNode timeline = read(
				this.mvc.perform(get("/api/support/orders/{id}/timeline", first).with(sara())).andReturn());
		assertThat(timeline.get("customerName").asString()).isEqualTo(name);
	}

	@Test
	void nameSearchTreatsPercentAndUnderscoreAsThemselves() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		UUID id = placeOrder(JATKASAARI);
		send(id, OrderEvents.validated(id, "Laatta_" + suffix + " 100% Oy", JATKASAARI));
		awaitTimeline(id, "OrderValidated", 1);

		assertThat(search("laatta_" + suffix)).containsExactly(id.toString());
		assertThat(search("laattaX" + suffix)).isEmpty();
		assertThat(search(suffix + " 100%")).containsExactly(id.toString());
		assertThat(search(suffix + " 1%")).isEmpty();
	}

	@Test
	void timelineGivesShipmentWindowsAsInstantsAndKeepsThemOutOfTheText() throws Exception {
		UUID id = placeOrder(JATKASAARI);
		accept(id, JATKASAARI);
		UUID shipment = UUID.randomUUID();
		ShipmentPlanned planned = planned(shipment, id, JATKASAARI, "NF" + System.nanoTime() % 10_000_000_000L, 1, 1);
		send(id, planned);
		awaitTimeline(id, "ShipmentPlanned", 1);
		DeliveryWindow later = new DeliveryWindow(planned.window().from().plus(Duration.ofHours(1)),
				planned.window().to().plus(Duration.ofHours(1)), "CARRIER_ETA", Instant.now());
		send(id, new DeliveryWindowChanged(shipment, id, RAKENNUS, JATKASAARI, "PLANNED", later, planned.window()));
		awaitTimeline(id, "DeliveryWindowChanged", 1);

		JsonNode events = read(this.mvc.perform(get("/api/support/orders/{id}/timeline", id).with(sara())).andReturn())
			.get("events");
		JsonNode plannedWindow = entry(events, "ShipmentPlanned").get("window");
		// PostgreSQL keeps microseconds
		assertThat(Instant.parse(plannedWindow.get("from").asString())).isCloseTo(planned.window().from(), MICRO);
		assertThat(Instant.parse(plannedWindow.get("to").asString())).isCloseTo(planned.window().to(), MICRO);
		assertThat(plannedWindow.get("basis").asString()).isEqualTo("PLANNED");
		JsonNode changedWindow = entry(events, "DeliveryWindowChanged").get("window");
		assertThat(Instant.parse(changedWindow.get("from").asString())).isCloseTo(later.from(), MICRO);
		assertThat(changedWindow.get("basis").asString()).isEqualTo("CARRIER_ETA");
		assertThat(entry(events, "OrderPlaced").get("window").isNull()).isTrue();
		// no entry kind spells out an instant: pages show times in the reader's zone from the structured fields
		assertThat(events.valueStream().map(e -> e.get("summary").asString()))
			.noneMatch(summary -> summary.matches("(?s).*\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*"));
	}

	private static JsonNode entry(JsonNode events, String type) {
		return events.valueStream().filter(e -> e.get("type").asString().equals(type)).findFirst().orElseThrow();
	}

	@Test
	void reorderPlacesANewOrderWithTheEarlierLines() throws Exception {
		UUID earlier = placeOrder(JATKASAARI, PASILA);
		String body = """
				{"requestedDelivery":{"date":"%s","from":"09:00","to":"12:00"},"purchaseOrderNumber":"PO-AGAIN"}"""
			.formatted(java.time.LocalDate.now().plusDays(20));

		MvcResult result = this.mvc.perform(post("/api/orders/{id}/reorder", earlier).with(anna())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType("application/json")
			.content(body)).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(202);
		UUID again = UUID.fromString(read(result).get("id").asString());
		JsonNode order = getOrder(again, anna());
		assertThat(order.get("lines")).hasSize(2);
		assertThat(order.get("lines").get(1).get("siteId").asString()).isEqualTo(PASILA.toString());
		assertThat(order.get("requestedDelivery").get("from").asString()).isEqualTo("09:00");
		assertThat(order.get("reorderedFrom").asString()).isEqualTo(earlier.toString());
		assertThat(this.mvc.perform(post("/api/orders/{id}/reorder", earlier).with(erik())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType("application/json")
			.content(body)).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	private JsonNode history(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor caller,
			String query) throws Exception {
		MvcResult result = this.mvc.perform(get("/api/orders?" + query).with(caller)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return read(result);
	}

	private List<String> search(String q) throws Exception {
		MvcResult result = this.mvc.perform(get("/api/support/orders").param("q", q).param("size", "100").with(sara()))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return read(result).get("items").valueStream().map(i -> i.get("id").asString()).toList();
	}
}

package org.leverans.notification.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.DeliveryWindowChanged;
import org.leverans.contracts.shipment.WindowConfidence;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.TestEvents;
import org.leverans.notification.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

class WebhookIntegrationTest extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final UUID customer = UUID.randomUUID();

	private final String manager = TestTokens.token("liisa-test", List.of("AGREEMENT_MANAGER"), this.customer, List.of(),
			Duration.ofMinutes(10));

	private final List<Received> received = new CopyOnWriteArrayList<>();

	/** How many of the next requests the receiver answers 500. */
	private final AtomicInteger failNext = new AtomicInteger();

	private HttpServer receiver;

	record Received(Map<String, String> headers, String body) {
	}

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		this.receiver.createContext("/hooks", exchange -> {
			try (InputStream body = exchange.getRequestBody()) {
				this.received.add(new Received(Map.of("webhook-id", exchange.getRequestHeaders().getFirst("webhook-id"),
						"webhook-timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
						"webhook-signature", exchange.getRequestHeaders().getFirst("webhook-signature")),
						new String(body.readAllBytes(), StandardCharsets.UTF_8)));
			}
			exchange.sendResponseHeaders((this.failNext.getAndDecrement() > 0) ? 500 : 204, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	@Test
	void customerSystemReceivesSignedEventsItAskedFor() {
		String secret = register(List.of("order.status-changed"));
		UUID otherCustomersOrder = UUID.randomUUID();
		events().publish(otherCustomersOrder, TestEvents.placed(otherCustomersOrder, UUID.randomUUID()));
		await().atMost(WAIT).until(() -> rowsAbout(otherCustomersOrder) == 1);
		UUID orderId = UUID.randomUUID();
		events().publish(orderId, TestEvents.placed(orderId, this.customer, TestTokens.JATKASAARI));

		await().atMost(WAIT).until(() -> !this.received.isEmpty());
		assertThat(this.received).hasSize(1);
		Received message = this.received.getFirst();
		long timestamp = Long.parseLong(message.headers().get("webhook-timestamp"));
		assertThat(timestamp).isCloseTo(Instant.now().getEpochSecond(), within(60L));
		assertThat(message.headers().get("webhook-signature"))
			.isEqualTo(WebhookSignature.sign(secret, message.headers().get("webhook-id"), timestamp, message.body()));
		JsonNode payload = json.readTree(message.body());
		assertThat(payload.get("type").asString()).isEqualTo("order.status-changed");
		assertThat(payload.get("data").get("orderId").asString()).isEqualTo(orderId.toString());
		assertThat(payload.get("data").get("status").asString()).isEqualTo("PLACED");
	}

	@Test
	void aMovedWindowReachesTheCustomerSystemSayingHowSureItIs() {
		register(List.of("shipment.window-changed"));
		UUID orderId = UUID.randomUUID();
		Instant from = Instant.parse("2026-12-03T06:40:00Z");
		DeliveryWindow predicted = new DeliveryWindow(from, from.plusSeconds(2760), "PREDICTED",
				from.minusSeconds(1800), WindowConfidence.calibrated(212, 0.95));
		events().publish(orderId, new DeliveryWindowChanged(UUID.randomUUID(), orderId, this.customer,
				TestTokens.JATKASAARI, "IN_TRANSIT", predicted, TestEvents.window(from.minusSeconds(3600))));

		await().atMost(WAIT).until(() -> !this.received.isEmpty());
		JsonNode window = json.readTree(this.received.getFirst().body()).get("data").get("window");
		assertThat(window.get("basis").asString()).isEqualTo("PREDICTED");
		assertThat(window.get("confidence").get("kind").asString()).isEqualTo("CALIBRATED");
		assertThat(window.get("confidence").get("samples").asInt()).isEqualTo(212);
		assertThat(window.get("confidence").get("coverage").asDouble()).isEqualTo(0.95);
	}

	@Test
	void failedDeliveryIsRetriedWithTheSameMessageId() {
		double failedBefore = scrape().value("leverans_webhook_attempts_total", "outcome", "failed").orElseThrow();
		register(List.of("order.status-changed"));
		this.failNext.set(2);
		UUID orderId = UUID.randomUUID();
		events().publish(orderId, TestEvents.placed(orderId, this.customer, TestTokens.JATKASAARI));

		await().atMost(WAIT).until(() -> this.received.size() == 3);
		assertThat(this.received).extracting(r -> r.headers().get("webhook-id")).containsOnly(
				this.received.getFirst().headers().get("webhook-id"));
		await().atMost(WAIT).until(() -> "DELIVERED".equals(this.jdbc.queryForObject(
				"SELECT status FROM webhook_delivery WHERE message_id = ?", String.class,
				this.received.getFirst().headers().get("webhook-id"))));
		assertThat(scrape().value("leverans_webhook_attempts_total", "outcome", "failed"))
			.hasValueSatisfying(failed -> assertThat(failed).isGreaterThanOrEqualTo(failedBefore + 2));
		assertThat(scrape().value("leverans_webhook_attempts_total", "outcome", "delivered"))
			.hasValueSatisfying(delivered -> assertThat(delivered).isGreaterThanOrEqualTo(1));
		assertThat(scrape().value("leverans_webhook_messages_failed_total")).isPresent();
	}

	@Test
	void onlyAgreementManagersAndAdminsManageEndpoints() {
		HttpResponse<String> orderer = call("POST", "/api/webhooks", TestTokens.orderer("anna-test", this.customer),
				"{\"url\":\"https://erp.example/hooks\",\"events\":[\"order.status-changed\"]}");
		assertThat(orderer.statusCode()).isEqualTo(403);
		assertThat(orderer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

		String id = json.readTree(call("POST", "/api/webhooks", this.manager,
				"{\"url\":\"https://erp.example/hooks\",\"events\":[\"shipment.delivered\"]}").body())
			.get("id")
			.asString();
		String otherManager = TestTokens.token("lars", List.of("AGREEMENT_MANAGER"), UUID.randomUUID(), List.of(),
				Duration.ofMinutes(10));
		assertThat(call("GET", "/api/webhooks/" + id, otherManager, null).statusCode()).isEqualTo(404);
		HttpResponse<String> foreignDelete = call("DELETE", "/api/webhooks/" + id, otherManager, null);
		assertThat(foreignDelete.statusCode()).isEqualTo(404);
		assertThat(foreignDelete.headers().firstValue("Content-Type").orElseThrow())
			.startsWith("application/problem+json");
		assertThat(json.readTree(foreignDelete.body()).get("type").asString()).isEqualTo("urn:leverans:problem:not-found");
		assertThat(call("GET", "/api/webhooks", otherManager, null).body()).doesNotContain(id);
		assertThat(call("DELETE", "/api/webhooks/" + id, this.manager, null).statusCode()).isEqualTo(204);
		assertThat(call("GET", "/api/webhooks/" + id, this.manager, null).statusCode()).isEqualTo(404);
	}

	@Test
	void endpointForSomeSitesGetsOnlyTheChangesConcerningThem() {
		UUID ownSite = UUID.randomUUID();
		UUID otherSite = UUID.randomUUID();
		UUID first = UUID.randomUUID();
		agreementNames(this.customer, ownSite);
		events().publish(first, TestEvents.placed(first, this.customer, ownSite, otherSite));
		await().atMost(WAIT).until(() -> rowsAbout(first) == 1);

		HttpResponse<String> created = call("POST", "/api/webhooks", this.manager, json.writeValueAsString(Map.of(
				"url", "http://localhost:" + this.receiver.getAddress().getPort() + "/hooks", "events",
				List.of("order.status-changed"), "siteIds", List.of(ownSite.toString(), ownSite.toString()))));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(json.readTree(created.body()).get("siteIds").toString()).isEqualTo("[\"" + ownSite + "\"]");

		UUID toOtherSite = UUID.randomUUID();
		events().publish(toOtherSite, TestEvents.placed(toOtherSite, this.customer, otherSite));
		UUID toBoth = UUID.randomUUID();
		events().publish(toBoth, TestEvents.placed(toBoth, this.customer, otherSite, ownSite));
		await().atMost(WAIT).until(() -> !this.received.isEmpty());
		await().atMost(WAIT).until(() -> this.jdbc.queryForObject(
				"SELECT last_stream_event_id >= (SELECT max(id) FROM stream_event WHERE order_id = ?) FROM webhook_cursor",
				Boolean.class, toOtherSite));
		assertThat(this.received).extracting(message -> json.readTree(message.body()).get("data").get("orderId")
			.asString()).containsExactly(toBoth.toString());
	}

	@Test
	void endpointMayNameASiteOfTheAgreementBeforeAnyOrderNamesIt() {
		UUID newSite = UUID.randomUUID();
		agreementNames(this.customer, newSite);
		HttpResponse<String> created = call("POST", "/api/webhooks", this.manager,
				"{\"url\":\"https://erp.example/hooks\",\"events\":[\"shipment.delivered\"],"
						+ "\"siteIds\":[\"" + newSite + "\"]}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(json.readTree(created.body()).get("siteIds").get(0).asString()).isEqualTo(newSite.toString());
	}

	@Test
	void adminMayNameASiteTheCustomersAgreementLists() {
		UUID newSite = UUID.randomUUID();
		String admin = TestTokens.admin("admin-" + UUID.randomUUID());
		agreementNames(this.customer, newSite);
		String body = "{\"customerId\":\"" + this.customer + "\",\"url\":\"https://erp.example/hooks\","
				+ "\"events\":[\"shipment.delivered\"],\"siteIds\":[\"%s\"]}";

		HttpResponse<String> created = call("POST", "/api/webhooks", admin, body.formatted(newSite));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		HttpResponse<String> unlisted = call("POST", "/api/webhooks", admin, body.formatted(UUID.randomUUID()));
		assertThat(unlisted.statusCode()).isEqualTo(400);
	}

	@Test
	void refusesSitesThatAreNotTheCustomersStoringNothing() {
		UUID othersSite = UUID.randomUUID();
		UUID othersOrder = UUID.randomUUID();
		events().publish(othersOrder, TestEvents.placed(othersOrder, UUID.randomUUID(), othersSite));
		await().atMost(WAIT).until(() -> rowsAbout(othersOrder) == 1);

		HttpResponse<String> response = call("POST", "/api/webhooks", this.manager,
				"{\"url\":\"https://erp.example/hooks\",\"events\":[\"shipment.delivered\"],"
						+ "\"siteIds\":[\"" + othersSite + "\",\"Jätkäsaari\"]}");
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("errors").findValuesAsString("code")).containsExactly("UNKNOWN_SITE", "INVALID_ID");
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("siteIds[0]", "siteIds[1]");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM webhook_endpoint WHERE customer_id = ?",
				Integer.class, this.customer)).isZero();
	}

	@Test
	void rejectsInvalidEndpointsNamingTheFields() {
		HttpResponse<String> response = call("POST", "/api/webhooks", this.manager,
				"{\"url\":\"ftp://erp.example\",\"events\":[\"order.exploded\"]}");
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("url", "events[0]");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM webhook_endpoint WHERE customer_id = ?",
				Integer.class, this.customer)).isZero();
	}

	private String register(List<String> events) {
		HttpResponse<String> response = call("POST", "/api/webhooks", this.manager,
				json.writeValueAsString(Map.of("url", "http://localhost:" + this.receiver.getAddress().getPort()
						+ "/hooks", "events", events)));
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode created = json.readTree(response.body());
		assertThat(created.get("secret").asString()).startsWith("whsec_");
		return created.get("secret").asString();
	}
}

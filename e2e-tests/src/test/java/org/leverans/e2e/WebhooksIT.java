package org.leverans.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leverans.notification.webhook.StandardWebhooksVerifier;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer's own system receives signed events: Rakennus's agreement manager registers a webhook through the
 * gateway (plain http to localhost is allowed on the local platform), an orderer's order then reaches the receiver
 * signed per Standard Webhooks, the delivery log shows what was sent and answered, and after a secret rotation the
 * messages carry both signatures.
 */
class WebhooksIT extends PlatformSpec {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private WireMockServer receiver;

	@BeforeEach
	void startReceiver() {
		this.receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.receiver.start();
		this.receiver.stubFor(post(urlEqualTo("/leverans-events")).willReturn(aResponse().withStatus(204)));
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop();
	}

	@Test
	void customerSystemReceivesSignedOrderEventsAndTheDeliveryLogShowsThem() {
		BrowserSession liisa = BrowserSession.signIn(gateway, "liisa", "demo");
		BrowserSession anna = BrowserSession.signIn(gateway, "anna", "demo");
		Api.Response registered = liisa.post("/api/webhooks", Map.of("url",
				"http://localhost:" + this.receiver.port() + "/leverans-events", "events",
				List.of("order.status-changed"), "description", "Rakennus ERP (e2e)"), Map.of());
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		String webhookId = registered.json().get("id").asString();
		String secret = registered.json().get("secret").asString();
		assertThat(secret).startsWith("whsec_");

		String orderId = placeOrder(anna, "PO-E2E-WH-1");
		await().atMost(WAIT).until(() -> statusesReceivedFor(orderId).containsAll(List.of("PLACED", "ACCEPTED")));
		List<LoggedRequest> aboutOrder = requestsAbout(orderId);
		assertThat(aboutOrder).allSatisfy(request -> assertThat(verifies(secret, request)).as(request.getBodyAsString())
			.isTrue());

		Api.Response log = liisa.get("/api/webhooks/" + webhookId + "/deliveries");
		assertThat(log.status()).as(log.toString()).isEqualTo(200);
		List<JsonNode> deliveries = log.json().get("items").valueStream().toList();
		assertThat(deliveries).extracting(d -> d.get("messageId").asString())
			.containsAll(aboutOrder.stream().map(r -> r.getHeader("webhook-id")).toList());
		assertThat(deliveries).allSatisfy(d -> {
			assertThat(d.get("eventType").asString()).isEqualTo("order.status-changed");
			assertThat(d.get("attemptLog").get(0).get("statusCode").asInt()).isEqualTo(204);
		});
		assertThat(deliveries).anySatisfy(d -> assertThat(d.get("status").asString()).isEqualTo("DELIVERED"));

		Api.Response rotation = liisa.post("/api/webhooks/" + webhookId + "/rotate-secret",
				Map.of("overlapSeconds", 600), Map.of());
		assertThat(rotation.status()).as(rotation.toString()).isEqualTo(200);
		String newSecret = rotation.json().get("secret").asString();
		assertThat(newSecret).startsWith("whsec_").isNotEqualTo(secret);

		String secondOrderId = placeOrder(anna, "PO-E2E-WH-2");
		await().atMost(WAIT).until(() -> statusesReceivedFor(secondOrderId).contains("PLACED"));
		LoggedRequest afterRotation = requestsAbout(secondOrderId).getFirst();
		List<String> signatures = StandardWebhooksVerifier.entries(afterRotation.getHeader("webhook-signature"));
		assertThat(signatures).hasSize(2);
		assertThat(StandardWebhooksVerifier.entrySignedWith(signatures.get(0), newSecret,
				afterRotation.getHeader("webhook-id"), afterRotation.getHeader("webhook-timestamp"),
				afterRotation.getBodyAsString())).isTrue();
		assertThat(verifies(secret, afterRotation)).isTrue();
		assertThat(verifies(newSecret, afterRotation)).isTrue();

		// Bygg's people see nothing of Rakennus's endpoint
		BrowserSession erik = BrowserSession.signIn(gateway, "erik", "demo");
		assertThat(erik.get("/api/webhooks/" + webhookId + "/deliveries").status()).isIn(403, 404);
	}

	private static String placeOrder(BrowserSession orderer, String purchaseOrderNumber) {
		Api.Response placed = orderer.post("/api/orders", OrderToDeliveryIT.order(purchaseOrderNumber, "CEM-25KG", 2,
				OrderToDeliveryIT.JATKASAARI), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(202);
		return placed.json().get("id").asString();
	}

	private List<LoggedRequest> requestsAbout(String orderId) {
		return this.receiver.findAll(postRequestedFor(urlEqualTo("/leverans-events")))
			.stream()
			.filter(request -> orderId.equals(Api.json.readTree(request.getBodyAsString()).path("data").path("orderId")
				.asString("")))
			.toList();
	}

	private List<String> statusesReceivedFor(String orderId) {
		return requestsAbout(orderId).stream()
			.map(request -> Api.json.readTree(request.getBodyAsString()).path("data").path("status").asString(""))
			.toList();
	}

	private static boolean verifies(String secret, LoggedRequest request) {
		return StandardWebhooksVerifier.verify(secret, request.getHeader("webhook-id"),
				request.getHeader("webhook-timestamp"), request.getHeader("webhook-signature"),
				request.getBodyAsString(), Instant.now());
	}
}

package org.leverans.notification.webhook;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.SseClient;
import org.leverans.notification.TestEvents;
import org.leverans.notification.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The customer's side of webhooks against a WireMock receiver: what the delivery log shows, redelivery, secret
 * rotation, Retry-After and disabling. Signatures are checked with {@link StandardWebhooksVerifier}, not with the
 * service's own signing code. The test context retries three times 200 ms apart and disables after two failed
 * messages ({@link IntegrationTest}).
 */
class WebhookOperationsIntegrationTest extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final UUID customer = UUID.randomUUID();

	private final String managerEmail = "liisa-" + this.customer + "@rakennus.example";

	private final String manager = TestTokens.person("liisa-" + this.customer, List.of("AGREEMENT_MANAGER"),
			this.customer, List.of(), this.managerEmail, "en", Duration.ofMinutes(10));

	private final String otherManager = TestTokens.token("lars", List.of("AGREEMENT_MANAGER"), UUID.randomUUID(),
			List.of(), Duration.ofMinutes(10));

	private WireMockServer receiver;

	@BeforeEach
	void startReceiver() {
		this.receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.receiver.start();
		answer(204, null);
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop();
	}

	@Test
	void deliveryLogShowsEachMessageWithEveryTryAndWhatTheReceiverAnswered() {
		Endpoint endpoint = register();
		String longError = "database is down " + "x".repeat(5000);
		this.receiver.resetAll();
		this.receiver.stubFor(post(urlEqualTo("/hooks")).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(500).withBody(longError))
			.willSetStateTo("up"));
		this.receiver.stubFor(post(urlEqualTo("/hooks")).inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(aResponse().withStatus(200).withBody("thanks")));
		UUID first = placeOrder();
		await().atMost(WAIT).until(() -> deliveries(endpoint, "").size() == 1
				&& "DELIVERED".equals(deliveries(endpoint, "").getFirst().get("status").asString()));
		UUID second = placeOrder();
		await().atMost(WAIT).until(() -> deliveries(endpoint, "?status=DELIVERED").size() == 2);

		List<JsonNode> log = deliveries(endpoint, "");
		assertThat(log).extracting(d -> d.get("eventType").asString()).containsOnly("order.status-changed");
		JsonNode newest = log.get(0);
		JsonNode oldest = log.get(1);
		assertThat(newest.get("id").asLong()).isGreaterThan(oldest.get("id").asLong());
		assertThat(received()).extracting(r -> r.getHeader("webhook-id"))
			.containsExactly(oldest.get("messageId").asString(), oldest.get("messageId").asString(),
					newest.get("messageId").asString());
		assertThat(received().getLast().getBodyAsString()).contains(second.toString());
		assertThat(received().getFirst().getBodyAsString()).contains(first.toString());

		assertThat(oldest.get("attempts").asInt()).isEqualTo(2);
		assertThat(oldest.get("deliveredAt").isNull()).isFalse();
		assertThat(oldest.get("nextAttemptAt").isNull()).isTrue();
		JsonNode failedTry = oldest.get("attemptLog").get(0);
		JsonNode goodTry = oldest.get("attemptLog").get(1);
		assertThat(failedTry.get("statusCode").asInt()).isEqualTo(500);
		assertThat(failedTry.get("response").asString()).startsWith("database is down").hasSizeLessThanOrEqualTo(501);
		assertThat(Instant.parse(failedTry.get("at").asString())).isBefore(Instant.parse(goodTry.get("at").asString()));
		assertThat(goodTry.get("statusCode").asInt()).isEqualTo(200);
		assertThat(goodTry.get("response").asString()).isEqualTo("thanks");
		assertThat(newest.get("attemptLog")).hasSize(1);

		JsonNode page = json.readTree(call("GET", "/api/webhooks/" + endpoint.id() + "/deliveries?limit=1",
				this.manager, null).body());
		assertThat(page.get("items")).hasSize(1);
		assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(newest.get("id").asLong());
		JsonNode next = json.readTree(call("GET", page.get("next").asString(), this.manager, null).body());
		assertThat(next.get("items").get(0).get("id").asLong()).isEqualTo(oldest.get("id").asLong());
		assertThat(deliveries(endpoint, "?status=FAILED")).isEmpty();
	}

	@Test
	void redeliverySendsTheSameMessageAgainFreshlySignedWhetherItFailedOrWasDelivered() {
		Endpoint endpoint = register();
		answer(500, "no");
		placeOrder();
		await().atMost(WAIT).until(() -> deliveries(endpoint, "?status=FAILED").size() == 1);
		JsonNode failed = deliveries(endpoint, "").getFirst();
		assertThat(failed.get("attempts").asInt()).isEqualTo(4);
		answer(204, null);

		HttpResponse<String> redelivery = redeliver(endpoint, failed.get("id").asLong(), this.manager);
		assertThat(redelivery.statusCode()).isEqualTo(202);
		assertThat(json.readTree(redelivery.body()).get("status").asString()).isEqualTo("PENDING");
		await().atMost(WAIT).until(() -> "DELIVERED".equals(delivery(endpoint, failed.get("id").asLong()).get("status").asString()));
		assertThat(redeliver(endpoint, failed.get("id").asLong(), this.manager).statusCode()).isEqualTo(202);
		await().atMost(WAIT).until(() -> delivery(endpoint, failed.get("id").asLong()).get("attempts").asInt() == 6);

		List<LoggedRequest> requests = received();
		assertThat(requests).hasSize(6);
		assertThat(requests).extracting(r -> r.getHeader("webhook-id")).containsOnly(failed.get("messageId").asString());
		assertThat(requests).extracting(LoggedRequest::getBodyAsString).containsOnly(requests.getFirst().getBodyAsString());
		assertThat(requests).allSatisfy(r -> assertThat(verifies(endpoint.secret(), r)).isTrue());
		JsonNode delivered = delivery(endpoint, failed.get("id").asLong());
		assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
		assertThat(delivered.get("attemptLog")).extracting(a -> a.get("manual").asBoolean())
			.containsExactly(false, false, false, false, true, true);
		// one failed message, then delivered: not yet a reason to disable
		assertThat(endpoint(endpoint).get("status").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void anotherCustomersEndpointAndDeliveriesAreNotFound() {
		Endpoint endpoint = register();
		placeOrder();
		await().atMost(WAIT).until(() -> deliveries(endpoint, "?status=DELIVERED").size() == 1);
		long deliveryId = deliveries(endpoint, "").getFirst().get("id").asLong();
		String base = "/api/webhooks/" + endpoint.id();

		assertThat(call("GET", base + "/deliveries", this.otherManager, null).statusCode()).isEqualTo(404);
		assertThat(call("GET", base + "/deliveries/" + deliveryId, this.otherManager, null).statusCode()).isEqualTo(404);
		assertThat(redeliver(endpoint, deliveryId, this.otherManager).statusCode()).isEqualTo(404);
		assertThat(call("POST", base + "/rotate-secret", this.otherManager, null).statusCode()).isEqualTo(404);
		assertThat(call("POST", base + "/enable", this.otherManager, null).statusCode()).isEqualTo(404);

		// a delivery of another endpoint, named under one's own endpoint, is not found either
		Endpoint own = register();
		HttpResponse<String> crossed = call("POST", "/api/webhooks/" + own.id() + "/deliveries/" + deliveryId
				+ "/redeliver", this.manager, null);
		assertThat(crossed.statusCode()).isEqualTo(404);
		assertThat(json.readTree(crossed.body()).get("type").asString()).isEqualTo("urn:leverans:problem:not-found");
		assertThat(received()).hasSize(1);
	}

	@Test
	void rotatedSecretSignsBesideThePreviousOneDuringTheOverlapAndAloneAfterIt() {
		Endpoint endpoint = register();
		HttpResponse<String> rotation = call("POST", "/api/webhooks/" + endpoint.id() + "/rotate-secret", this.manager,
				"{\"overlapSeconds\":2}");
		assertThat(rotation.statusCode()).isEqualTo(200);
		JsonNode rotated = json.readTree(rotation.body());
		String newSecret = rotated.get("secret").asString();
		assertThat(newSecret).startsWith("whsec_").isNotEqualTo(endpoint.secret());
		Instant overlapEnds = Instant.parse(rotated.get("previousSecretExpiresAt").asString());

		placeOrder();
		await().atMost(WAIT).until(() -> received().size() == 1);
		LoggedRequest during = received().getFirst();
		List<String> entries = StandardWebhooksVerifier.entries(during.getHeader("webhook-signature"));
		assertThat(entries).hasSize(2);
		assertThat(signedWith(entries.get(0), newSecret, during)).isTrue();
		assertThat(signedWith(entries.get(1), endpoint.secret(), during)).isTrue();
		assertThat(verifies(newSecret, during)).isTrue();
		assertThat(verifies(endpoint.secret(), during)).isTrue();

		await().atMost(WAIT).until(() -> Instant.now().isAfter(overlapEnds.plusMillis(200)));
		placeOrder();
		await().atMost(WAIT).until(() -> received().size() == 2);
		LoggedRequest after = received().getLast();
		assertThat(StandardWebhooksVerifier.entries(after.getHeader("webhook-signature"))).hasSize(1);
		assertThat(verifies(newSecret, after)).isTrue();
		assertThat(verifies(endpoint.secret(), after)).isFalse();
	}

	@Test
	void rotationWithoutABodyOverlapsForTheConfiguredDay() {
		Endpoint endpoint = register();
		HttpResponse<String> rotation = call("POST", "/api/webhooks/" + endpoint.id() + "/rotate-secret", this.manager,
				null);
		assertThat(rotation.statusCode()).isEqualTo(200);
		JsonNode rotated = json.readTree(rotation.body());
		assertThat(Duration.between(Instant.parse(rotated.get("rotatedAt").asString()),
				Instant.parse(rotated.get("previousSecretExpiresAt").asString()))).isEqualTo(Duration.ofHours(24));
		assertThat(endpoint(endpoint).get("previousSecretExpiresAt").asString())
			.isEqualTo(rotated.get("previousSecretExpiresAt").asString());
		assertThat(endpoint(endpoint).has("secret")).isFalse();
	}

	@Test
	void rejectsRotationOverlapOutsideItsBoundsAndKeepsTheSecret() {
		Endpoint endpoint = register();
		String secretBefore = storedSecret(endpoint);
		for (String body : List.of("{\"overlapSeconds\":-1}", "{\"overlapSeconds\":604801}",
				"{\"overlapSeconds\":\"soon\"}", "{\"overlapSeconds\":1.5}")) {
			HttpResponse<String> response = call("POST", "/api/webhooks/" + endpoint.id() + "/rotate-secret",
					this.manager, body);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type").orElseThrow())
				.startsWith("application/problem+json");
			JsonNode problem = json.readTree(response.body());
			assertThat(problem.get("type").asString()).isEqualTo("urn:leverans:problem:invalid-request");
			assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("overlapSeconds");
			assertThat(problem.get("errors").findValuesAsString("code")).containsExactly("OUT_OF_RANGE");
		}
		HttpResponse<String> unknown = call("POST", "/api/webhooks/" + endpoint.id() + "/rotate-secret", this.manager,
				"{\"overlap\":60}");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(json.readTree(unknown.body()).get("errors").findValuesAsString("code")).containsExactly("UNKNOWN_FIELD");
		assertThat(storedSecret(endpoint)).isEqualTo(secretBefore);
	}

	@Test
	void rejectsUnknownDeliveryStatusAndPageSizes() {
		Endpoint endpoint = register();
		HttpResponse<String> response = call("GET",
				"/api/webhooks/" + endpoint.id() + "/deliveries?status=LOST&limit=0", this.manager, null);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json.readTree(response.body()).get("errors").findValuesAsString("field"))
			.containsExactly("status", "limit");
	}

	@Test
	void honoursRetryAfterOfAnOverloadedReceiver() {
		Endpoint endpoint = register();
		this.receiver.resetAll();
		this.receiver.stubFor(post(urlEqualTo("/hooks")).inScenario("busy")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
			.willSetStateTo("ready"));
		this.receiver.stubFor(post(urlEqualTo("/hooks")).inScenario("busy")
			.whenScenarioStateIs("ready")
			.willReturn(aResponse().withStatus(204)));
		placeOrder();
		await().atMost(WAIT).until(() -> deliveries(endpoint, "?status=DELIVERED").size() == 1);

		JsonNode tries = deliveries(endpoint, "").getFirst().get("attemptLog");
		assertThat(tries).hasSize(2);
		assertThat(tries.get(0).get("statusCode").asInt()).isEqualTo(429);
		Instant first = Instant.parse(tries.get(0).get("at").asString());
		Instant second = Instant.parse(tries.get(1).get("at").asString());
		// the schedule alone would have tried again after 200-240 ms
		assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void disablesAnEndpointThatKeepsFailingAndTellsWhoRegisteredIt() throws Exception {
		Endpoint endpoint = register();
		answer(500, "broken");
		try (SseClient orderer = stream(TestTokens.orderer("anna-test", this.customer))) {
			placeOrder();
			await().atMost(WAIT).until(() -> deliveries(endpoint, "?status=FAILED").size() == 1);
			assertThat(endpoint(endpoint).get("status").asString()).isEqualTo("ACTIVE");
			placeOrder();
			await().atMost(WAIT).until(() -> "DISABLED".equals(endpoint(endpoint).get("status").asString()));

			JsonNode disabled = endpoint(endpoint);
			assertThat(disabled.get("disabledReason").asString()).contains("2 messages").contains("HTTP 500");
			assertThat(disabled.get("disabledAt").isNull()).isFalse();
			await().atMost(WAIT).until(() -> orderer.messages().stream().anyMatch(m -> m.event().equals("webhook.disabled")));
			SseClient.Message notice = orderer.messages().stream()
				.filter(m -> m.event().equals("webhook.disabled"))
				.findFirst()
				.orElseThrow();
			assertThat(notice.data().get("webhookId").asString()).isEqualTo(endpoint.id().toString());
		}
		await().atMost(WAIT).until(() -> !mailTo(this.managerEmail).isEmpty());
		MimeMessage mail = mailTo(this.managerEmail).getFirst();
		assertThat(mail.getSubject()).contains(endpoint.url());
		assertThat(mailTo(this.managerEmail)).hasSize(1);

		// nothing is planned for a disabled endpoint, and nothing can be redelivered to it
		int requestsBefore = received().size();
		placeOrder();
		UUID lastOrder = placeOrder();
		await().atMost(WAIT).until(() -> rowsAbout(lastOrder) == 1);
		await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> deliveries(endpoint, "").size() == 2);
		assertThat(received()).hasSize(requestsBefore);
		HttpResponse<String> refused = redeliver(endpoint, deliveries(endpoint, "").getFirst().get("id").asLong(),
				this.manager);
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(json.readTree(refused.body()).get("type").asString()).isEqualTo("urn:leverans:problem:webhook-disabled");

		answer(204, null);
		HttpResponse<String> enabled = call("POST", "/api/webhooks/" + endpoint.id() + "/enable", this.manager, null);
		assertThat(enabled.statusCode()).isEqualTo(200);
		assertThat(json.readTree(enabled.body()).get("status").asString()).isEqualTo("ACTIVE");
		assertThat(json.readTree(enabled.body()).get("consecutiveFailures").asInt()).isZero();
		UUID afterEnabling = placeOrder();
		await().atMost(WAIT).until(() -> received().stream().anyMatch(r -> r.getBodyAsString().contains(afterEnabling.toString())));
		assertThat(verifies(endpoint.secret(), received().getLast())).isTrue();
	}

	private record Endpoint(UUID id, String secret, String url) {
	}

	private Endpoint register() {
		String url = "http://localhost:" + this.receiver.port() + "/hooks";
		HttpResponse<String> response = call("POST", "/api/webhooks", this.manager,
				json.writeValueAsString(Map.of("url", url, "events", List.of("order.status-changed"))));
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode created = json.readTree(response.body());
		return new Endpoint(UUID.fromString(created.get("id").asString()), created.get("secret").asString(), url);
	}

	private void answer(int status, String body) {
		this.receiver.resetMappings();
		this.receiver.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(status).withBody(body)));
	}

	private UUID placeOrder() {
		UUID orderId = UUID.randomUUID();
		events().publish(orderId, TestEvents.placed(orderId, this.customer, TestTokens.JATKASAARI));
		return orderId;
	}

	private List<LoggedRequest> received() {
		return this.receiver.findAll(postRequestedFor(urlEqualTo("/hooks")));
	}

	private List<JsonNode> deliveries(Endpoint endpoint, String query) {
		HttpResponse<String> response = call("GET", "/api/webhooks/" + endpoint.id() + "/deliveries" + query,
				this.manager, null);
		assertThat(response.statusCode()).isEqualTo(200);
		return json.readTree(response.body()).get("items").valueStream().toList();
	}

	private JsonNode delivery(Endpoint endpoint, long id) {
		return json.readTree(call("GET", "/api/webhooks/" + endpoint.id() + "/deliveries/" + id, this.manager, null)
			.body());
	}

	private JsonNode endpoint(Endpoint endpoint) {
		return json.readTree(call("GET", "/api/webhooks/" + endpoint.id(), this.manager, null).body());
	}

	private HttpResponse<String> redeliver(Endpoint endpoint, long deliveryId, String token) {
		return call("POST", "/api/webhooks/" + endpoint.id() + "/deliveries/" + deliveryId + "/redeliver", token, null);
	}

	private String storedSecret(Endpoint endpoint) {
		return this.jdbc.queryForObject("SELECT secret FROM webhook_endpoint WHERE id = ?", String.class, endpoint.id());
	}

	private static boolean verifies(String secret, LoggedRequest request) {
		return StandardWebhooksVerifier.verify(secret, request.getHeader("webhook-id"),
				request.getHeader("webhook-timestamp"), request.getHeader("webhook-signature"),
				request.getBodyAsString(), Instant.now());
	}

	private static boolean signedWith(String entry, String secret, LoggedRequest request) {
		return StandardWebhooksVerifier.entrySignedWith(entry, secret, request.getHeader("webhook-id"),
				request.getHeader("webhook-timestamp"), request.getBodyAsString());
	}
}

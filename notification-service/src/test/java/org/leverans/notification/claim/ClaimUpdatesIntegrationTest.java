package org.leverans.notification.claim;

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

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.claim.ClaimAccepted;
import org.leverans.contracts.claim.ClaimFiled;
import org.leverans.contracts.claim.ClaimRejected;
import org.leverans.contracts.claim.ClaimedLine;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.SseClient;
import org.leverans.notification.SseClient.Message;
import org.leverans.notification.TestEvents;
import org.leverans.notification.TestTokens;
import org.leverans.notification.webhook.StandardWebhooksVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ClaimUpdatesIntegrationTest extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final UUID customer = UUID.randomUUID();

	private final UUID site = UUID.randomUUID();

	private final UUID orderId = UUID.randomUUID();

	private final UUID shipmentId = UUID.randomUUID();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private HttpServer receiver;

	record Received(String id, String timestamp, String signature, String body) {
	}

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		this.receiver.createContext("/hooks", exchange -> {
			try (InputStream body = exchange.getRequestBody()) {
				this.received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
						exchange.getRequestHeaders().getFirst("webhook-timestamp"),
						exchange.getRequestHeaders().getFirst("webhook-signature"),
						new String(body.readAllBytes(), StandardCharsets.UTF_8)));
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	@Test
	void aFiledClaimAppearsOnTheCustomersStreamAndTheOrdersSiteButNotOnAnotherCustomers() {
		UUID otherCustomer = UUID.randomUUID();
		UUID otherOrder = UUID.randomUUID();
		placeOrder();
		try (SseClient anna = stream(TestTokens.orderer("anna-" + UUID.randomUUID(), this.customer));
				SseClient mikko = stream(TestTokens.receiver("mikko-" + UUID.randomUUID(), this.customer, this.site));
				SseClient erik = stream(TestTokens.orderer("erik-" + UUID.randomUUID(), otherCustomer))) {
			ClaimFiled filed = filed(UUID.randomUUID(), "CL-000101", "mikko");
			events().publish(this.orderId, filed);
			await().atMost(WAIT).until(() -> claimUpdates(anna).size() == 1 && claimUpdates(mikko).size() == 1);

			// Rows reach a stream in id order, so once erik has a later row he was offered the claim.
			events().publish(otherOrder, TestEvents.placed(otherOrder, otherCustomer));
			await().atMost(WAIT).until(() -> erik.received(otherOrder));
			assertThat(claimUpdates(erik)).isEmpty();
			assertThat(erik.received(this.orderId)).isFalse();

			JsonNode data = claimUpdates(anna).getFirst().data();
			assertThat(data.get("claimId").asString()).isEqualTo(filed.claimId().toString());
			assertThat(data.get("claimNumber").asString()).isEqualTo("CL-000101");
			assertThat(data.get("orderNumber").asString()).isEqualTo(TestEvents.number(this.orderId));
			assertThat(data.get("shipmentId").asString()).isEqualTo(this.shipmentId.toString());
			assertThat(data.get("status").asString()).isEqualTo("OPEN");
			assertThat(data.get("reason").asString()).isEqualTo("DAMAGED");
			assertThat(data.get("occurredAt").asString()).isEqualTo("2026-12-04T08:00:00Z");
			// Who filed it and what they wrote stay with the claim, not on every stream and webhook.
			assertThat(data.has("filedBy")).isFalse();
			assertThat(data.has("remedy")).isFalse();
		}
	}

	@Test
	void acceptedAndRejectedClaimsReachAnEndpointThatChoseClaimUpdatesSigned() {
		String manager = TestTokens.token("liisa-" + UUID.randomUUID(), List.of("AGREEMENT_MANAGER"), this.customer,
				List.of(), Duration.ofMinutes(10));
		String secret = register(manager, List.of("claim.updated"));
		placeOrder();
		UUID credited = UUID.randomUUID();
		UUID refused = UUID.randomUUID();
		UUID replacement = UUID.randomUUID();
		events().publish(this.orderId, filed(credited, "CL-000201", "anna"));
		events().publish(this.orderId, new ClaimAccepted(credited, "CL-000201", this.orderId,
				TestEvents.number(this.orderId), this.customer, this.shipmentId, "REPLACEMENT",
				List.of(new ClaimedLine(1, "CEM-25KG", 2)), replacement, "LV-REPL01", "Sent on Monday", "sara",
				Instant.parse("2026-12-05T10:00:00Z")));
		events().publish(this.orderId, filed(refused, "CL-000202", "anna"));
		events().publish(this.orderId, new ClaimRejected(refused, "CL-000202", this.orderId,
				TestEvents.number(this.orderId), this.customer, "Signed for without remarks", "sara",
				Instant.parse("2026-12-05T11:00:00Z")));

		await().atMost(WAIT).until(() -> this.received.size() == 4);
		for (Received message : this.received) {
			assertThat(StandardWebhooksVerifier.verify(secret, message.id(), message.timestamp(), message.signature(),
					message.body(), Instant.now())).as(message.body()).isTrue();
			assertThat(json.readTree(message.body()).get("type").asString()).isEqualTo("claim.updated");
		}
		// The order's own status change is not what the endpoint chose.
		assertThat(this.received).extracting(message -> json.readTree(message.body()).get("data").get("status")
			.asString()).containsExactlyInAnyOrder("OPEN", "ACCEPTED", "OPEN", "REJECTED");
		JsonNode accepted = decision(credited);
		assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(accepted.get("remedy").asString()).isEqualTo("REPLACEMENT");
		assertThat(accepted.get("replacementOrderId").asString()).isEqualTo(replacement.toString());
		assertThat(accepted.get("replacementOrderNumber").asString()).isEqualTo("LV-REPL01");
		assertThat(accepted.get("note").asString()).isEqualTo("Sent on Monday");
		assertThat(accepted.get("reason").asString()).isEqualTo("DAMAGED");
		JsonNode rejected = decision(refused);
		assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
		assertThat(rejected.get("note").asString()).isEqualTo("Signed for without remarks");
		// The rejection does not repeat the claim's reason or shipment; its filing said them.
		assertThat(rejected.get("reason").asString()).isEqualTo("DAMAGED");
		assertThat(rejected.get("shipmentId").asString()).isEqualTo(this.shipmentId.toString());
		assertThat(rejected.get("occurredAt").asString()).isEqualTo("2026-12-05T11:00:00Z");
	}

	@Test
	void theFilerAndThoseWhoFollowClaimsGetEachEmailOnceInTheirLanguageEvenWhenAnEventComesTwice() throws Exception {
		String mikko = "mikko-" + UUID.randomUUID();
		String filerAddress = mikko + "@rakennus.example";
		signIn(mikko, List.of("RECEIVER"), this.customer, List.of(this.site), filerAddress, "fi");
		String managerAddress = "lars." + UUID.randomUUID() + "@rakennus.example";
		signIn("lars-" + UUID.randomUUID(), List.of("AGREEMENT_MANAGER"), this.customer, List.of(), managerAddress,
				"sv-SE");
		String optedOut = "anna." + UUID.randomUUID() + "@rakennus.example";
		String anna = signIn("anna-" + UUID.randomUUID(), List.of("ORDERER"), this.customer, List.of(), optedOut, "en");
		assertThat(call("PUT", "/api/subscriptions/me", anna, "{\"emailEvents\":[\"order.rejected\"]}").statusCode())
			.isEqualTo(200);
		String otherCustomers = "erik." + UUID.randomUUID() + "@bygg.example";
		signIn("erik-" + UUID.randomUUID(), List.of("ORDERER"), UUID.randomUUID(), List.of(), otherCustomers, "sv");
		placeOrder();

		UUID claimId = UUID.randomUUID();
		ClaimFiled filed = filed(claimId, "CL-000301", mikko);
		String eventId = UUID.randomUUID().toString();
		events().publish(this.orderId, filed, eventId);
		events().publish(this.orderId, filed, eventId);
		// The acceptance comes after both on the order's partition: once its e-mails are out, so would a second
		// acknowledgement be.
		events().publish(this.orderId, new ClaimAccepted(claimId, "CL-000301", this.orderId,
				TestEvents.number(this.orderId), this.customer, this.shipmentId, "CREDIT", List.of(), null, null, null,
				"sara", Instant.parse("2026-12-05T10:00:00Z")));

		await().atMost(WAIT).until(() -> mailTo(filerAddress).size() == 2 && mailTo(managerAddress).size() == 2);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM stream_event WHERE event_name = 'claim.updated' AND order_id = ?", Integer.class,
				this.orderId)).isEqualTo(2);
		assertThat(mailTo(filerAddress)).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
				"Olemme vastaanottaneet reklamaatiosi CL-000301 tilauksesta " + TestEvents.number(this.orderId),
				"Reklamaatio CL-000301 hyväksytty: tuotteet hyvitetään");
		assertThat(mailTo(managerAddress)).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
				"Vi har tagit emot din reklamation CL-000301 för order " + TestEvents.number(this.orderId),
				"Reklamation CL-000301 godkänd: varorna krediteras");
		assertThat(mailTo(optedOut)).isEmpty();
		assertThat(mailTo(otherCustomers)).isEmpty();
	}

	@Test
	void theFilerHearsOfTheRejectionWithItsReasonEvenWithoutFollowingClaims() throws Exception {
		String anna = "anna-" + UUID.randomUUID();
		String address = anna + "@rakennus.example";
		String token = signIn(anna, List.of("ORDERER"), this.customer, List.of(), address, "en");
		assertThat(call("PUT", "/api/subscriptions/me", token, "{\"emailEvents\":[\"order.rejected\"]}").statusCode())
			.isEqualTo(200);
		// Customer service filing for the customer follows the claim in its queue, not by e-mail.
		String sara = "sara-" + UUID.randomUUID();
		String saraAddress = sara + "@leverans.example";
		signIn(sara, List.of("CUSTOMER_SERVICE"), null, List.of(), saraAddress, "en");
		placeOrder();
		UUID claimId = UUID.randomUUID();
		UUID bySara = UUID.randomUUID();

		events().publish(this.orderId, filed(claimId, "CL-000401", anna));
		events().publish(this.orderId, filed(bySara, "CL-000402", sara));
		events().publish(this.orderId, new ClaimRejected(claimId, "CL-000401", this.orderId,
				TestEvents.number(this.orderId), this.customer, "The delivery was signed for without remarks", "sara",
				Instant.parse("2026-12-05T11:00:00Z")));

		await().atMost(WAIT).until(() -> mailTo(address).size() == 2);
		MimeMessage rejection = mailTo(address).stream()
			.filter(message -> subjectOf(message).contains("rejected"))
			.findFirst()
			.orElseThrow();
		assertThat(rejection.getSubject()).isEqualTo("Claim CL-000401 rejected");
		assertThat((String) rejection.getContent()).contains(
				"Your claim CL-000401 about order " + TestEvents.number(this.orderId)
						+ " (damaged goods) has been rejected.",
				"Reason: The delivery was signed for without remarks");
		// Her claim was taken in before the rejection, so anything it planned for her would be there by now.
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM mail_delivery WHERE subject = ?", Integer.class,
				sara)).isZero();
		assertThat(mailTo(saraAddress)).isEmpty();
	}

	private void placeOrder() {
		agreementNames(this.customer, this.site);
		events().publish(this.orderId, TestEvents.placed(this.orderId, this.customer, this.site));
		await().atMost(WAIT).until(() -> rowsAbout(this.orderId) == 1);
	}

	private ClaimFiled filed(UUID claimId, String claimNumber, String filedBy) {
		return new ClaimFiled(claimId, claimNumber, this.orderId, TestEvents.number(this.orderId), this.customer,
				this.shipmentId, "nordic-freight", "DAMAGED", "CARRIER", "Two bags torn on the pallet",
				List.of(new ClaimedLine(1, "CEM-25KG", 2)), filedBy, Instant.parse("2026-12-04T08:00:00Z"));
	}

	private JsonNode decision(UUID claimId) {
		return this.received.stream()
			.map(message -> json.readTree(message.body()).get("data"))
			.filter(data -> data.get("claimId").asString().equals(claimId.toString())
					&& !data.get("status").asString().equals("OPEN"))
			.findFirst()
			.orElseThrow();
	}

	private static List<Message> claimUpdates(SseClient client) {
		return client.messages().stream().filter(message -> message.event().equals("claim.updated")).toList();
	}

	private String register(String manager, List<String> events) {
		HttpResponse<String> response = call("POST", "/api/webhooks", manager,
				json.writeValueAsString(Map.of("url", "http://localhost:" + this.receiver.getAddress().getPort()
						+ "/hooks", "events", events)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body()).get("secret").asString();
	}

	/** The person's first call registers them, with their address, language and role defaults. */
	private String signIn(String subject, List<String> roles, UUID customerId, List<UUID> siteIds, String address,
			String language) {
		String token = TestTokens.person(subject, roles, customerId, siteIds, address, language,
				Duration.ofMinutes(10));
		assertThat(call("GET", "/api/subscriptions/me", token, null).statusCode()).isEqualTo(200);
		return token;
	}

	private static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}

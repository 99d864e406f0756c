package org.leverans.notification.mail;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.Reason;
import org.leverans.contracts.order.OrderAwaitingApproval;
import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.DeliveryWindowChanged;
import org.leverans.contracts.shipment.ProofOfDelivery;
import org.leverans.contracts.shipment.ShipmentDelivered;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.TestEvents;
import org.leverans.notification.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmailNotificationIntegrationTest extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final UUID customer = UUID.randomUUID();

	private final UUID site = UUID.randomUUID();

	private final UUID orderId = UUID.randomUUID();

	@Test
	void receiverGetsWindowChangesByEmailInFinnishByDefault() throws Exception {
		String address = "mikko." + UUID.randomUUID() + "@rakennus.example";
		String token = TestTokens.person("mikko-" + UUID.randomUUID(), List.of("RECEIVER"), this.customer,
				List.of(this.site), address, "fi", Duration.ofMinutes(10));
		JsonNode preferences = json.readTree(call("GET", "/api/subscriptions/me", token, null).body());
		assertThat(preferences.get("roleDefaults").asBoolean()).isTrue();
		assertThat(preferences.get("emailEvents").toString()).contains("shipment.window-changed", "shipment.arriving");

		Instant from = Instant.parse("2026-12-03T05:00:00Z");
		events().publish(this.orderId, TestEvents.placed(this.orderId, this.customer, this.site));
		// Shipment events come on another topic; in real life the order was accepted before it was planned.
		await().atMost(WAIT).until(() -> rowsAbout(this.orderId) == 1);
		events().publish(this.orderId, new DeliveryWindowChanged(UUID.randomUUID(), this.orderId, this.customer,
				this.site, "IN_TRANSIT", new DeliveryWindow(from, from.plusSeconds(3600), "CARRIER_ETA", Instant.now()),
				null));

		await().atMost(WAIT).until(() -> mailTo(address).size() == 1);
		MimeMessage message = mailTo(address).getFirst();
		// 05:00 UTC is 07:00 in Helsinki.
		assertThat(message.getSubject())
			.isEqualTo("Tilaus " + TestEvents.number(this.orderId) + ": uusi toimitusaika 3.12.2026 7.00\u20138.00");
		assertThat((String) message.getContent()).contains("arvioitu toimitusaika on nyt 3.12.2026 7.00\u20138.00")
			.contains("Voit muuttaa asetuksia");
	}

	@Test
	void ordererGetsOnlyWhatSheChoseInSwedish() throws Exception {
		String address = "erik." + UUID.randomUUID() + "@bygg.example";
		String token = TestTokens.person("erik-" + UUID.randomUUID(), List.of("ORDERER"), this.customer, List.of(),
				address, "sv-SE", Duration.ofMinutes(10));
		HttpResponse<String> chosen = call("PUT", "/api/subscriptions/me", token,
				"{\"emailEvents\":[\"order.status-changed\"]}");
		assertThat(chosen.statusCode()).isEqualTo(200);
		assertThat(json.readTree(chosen.body()).get("roleDefaults").asBoolean()).isFalse();

		// Delivered is among an orderer's defaults, but she chose only status changes.
		events().publish(this.orderId, new ShipmentDelivered(UUID.randomUUID(), this.orderId, this.customer, this.site,
				"baltic-haulage", "BH0000000001", Instant.now(), new ProofOfDelivery("Erik", null), 1));
		await().atMost(WAIT).until(() -> rowsAbout(this.orderId) == 1);
		events().publish(this.orderId, TestEvents.rejected(this.orderId, this.customer,
				Reason.of("CREDIT_DECLINED", "Kreditgränsen överskriden")));

		await().atMost(WAIT).until(() -> !mailTo(address).isEmpty());
		List<MimeMessage> messages = mailTo(address);
		assertThat(messages).hasSize(1);
		assertThat(messages.getFirst().getSubject())
			.isEqualTo("Order " + TestEvents.number(this.orderId) + " är avvisad");
		assertThat((String) messages.getFirst().getContent()).contains("Orsaker:", "Kreditgränsen överskriden");
	}

	@Test
	void theCompanysAgreementManagersHearOfAnOrderWaitingForTheirApprovalByEmailAndLive() throws Exception {
		String address = "liisa." + UUID.randomUUID() + "@rakennus.example";
		String liisa = "liisa-" + UUID.randomUUID();
		String token = TestTokens.person(liisa, List.of("AGREEMENT_MANAGER"), this.customer, List.of(), address, "en",
				Duration.ofMinutes(10));
		String ordererAddress = "anna." + UUID.randomUUID() + "@rakennus.example";
		String anna = TestTokens.person("anna-" + UUID.randomUUID(), List.of("ORDERER"), this.customer, List.of(),
				ordererAddress, "en", Duration.ofMinutes(10));
		call("GET", "/api/subscriptions/me", token, null);
		call("GET", "/api/subscriptions/me", anna, null);

		events().publish(this.orderId, TestEvents.placed(this.orderId, this.customer, this.site));
		events().publish(this.orderId, new OrderAwaitingApproval(this.orderId, TestEvents.number(this.orderId),
				this.customer, "anna", null,
				List.of(Reason.of("ORDER_LIMIT_EXCEEDED", "The order total 10080.00 EUR is above anna's order limit")),
				List.of(liisa), Instant.now(), Instant.now().plus(Duration.ofDays(3))));

		await().atMost(WAIT).until(() -> mailTo(address).size() == 1);
		MimeMessage message = mailTo(address).getFirst();
		assertThat(message.getSubject())
			.isEqualTo("Order " + TestEvents.number(this.orderId) + " waits for your approval");
		assertThat((String) message.getContent()).contains("above anna's order limit");
		String data = this.jdbc.queryForObject(
				"SELECT data FROM stream_event WHERE order_id = ? AND data LIKE '%AWAITING_APPROVAL%'", String.class,
				this.orderId);
		assertThat(json.readTree(data).get("reasons").get(0).get("code").asString())
			.isEqualTo("ORDER_LIMIT_EXCEEDED");
		assertThat(mailTo(ordererAddress)).isEmpty();
	}

	@Test
	void callersWithoutEmailAddressGetNoEmail() {
		String token = TestTokens.orderer("rakennus-erp-" + UUID.randomUUID(), this.customer);
		JsonNode preferences = json.readTree(call("GET", "/api/subscriptions/me", token, null).body());
		assertThat(preferences.get("email").isNull()).isTrue();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM subscriber WHERE email IS NOT NULL AND customer_id = ?",
				Integer.class, this.customer)).isZero();
	}

	@Test
	void rejectsUnknownEventNamesAsValidationProblem() {
		String token = TestTokens.orderer("anna-" + UUID.randomUUID(), this.customer);
		HttpResponse<String> response = call("PUT", "/api/subscriptions/me", token,
				"{\"emailEvents\":[\"order.status-changed\",\"order.exploded\"]}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("emailEvents[1]");
		assertThat(problem.get("errors").get(0).get("code").asString()).isEqualTo("UNKNOWN_EVENT");
		assertThat(problem.get("type").asString()).isEqualTo("urn:leverans:problem:invalid-request");
		assertThat(problem.get("status").asInt()).isEqualTo(400);
	}

	@Test
	void rejectsUnknownFieldsAndMalformedJson() {
		String token = TestTokens.orderer("anna-" + UUID.randomUUID(), this.customer);
		HttpResponse<String> unknown = call("PUT", "/api/subscriptions/me", token, "{\"sms\":true}");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode unknownProblem = json.readTree(unknown.body());
		assertThat(unknownProblem.get("type").asString()).isEqualTo("urn:leverans:problem:invalid-request");
		assertThat(unknownProblem.get("errors").get(0).get("field").asString()).isEqualTo("sms");
		assertThat(unknownProblem.get("errors").get(0).get("code").asString()).isEqualTo("UNKNOWN_FIELD");
		HttpResponse<String> malformed = call("PUT", "/api/subscriptions/me", token, "{\"emailEvents\":");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json.readTree(malformed.body()).get("errors").get(0).get("code").asString())
			.isEqualTo("MALFORMED_JSON");
	}
}

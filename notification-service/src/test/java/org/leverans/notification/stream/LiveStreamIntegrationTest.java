package org.leverans.notification.stream;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.Reason;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.SseClient;
import org.leverans.notification.SseClient.Message;
import org.leverans.notification.TestEvents;
import org.leverans.notification.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leverans.notification.TestTokens.BYGG;
import static org.leverans.notification.TestTokens.HAMMARBY;
import static org.leverans.notification.TestTokens.JATKASAARI;
import static org.leverans.notification.TestTokens.PASILA;
import static org.leverans.notification.TestTokens.RAKENNUS;

class LiveStreamIntegrationTest extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Test
	void ordererReceivesHerCompanysOrderStatusChangesLive() {
		UUID orderId = UUID.randomUUID();
		try (SseClient anna = stream(TestTokens.orderer("anna-test", RAKENNUS))) {
			assertThat(anna.status()).isEqualTo(200);
			assertThat(anna.header("Content-Type")).startsWith("text/event-stream");
			events().publish(orderId, TestEvents.placed(orderId, RAKENNUS, JATKASAARI));
			events().publish(orderId, TestEvents.rejected(orderId, RAKENNUS,
					Reason.of("CREDIT_DECLINED", "Luottoraja ylittyi – tilaus hylätty")));

			await().atMost(WAIT).until(() -> anna.messagesAbout(orderId).size() == 2);
			List<Message> messages = anna.messagesAbout(orderId);
			assertThat(messages).extracting(Message::event)
				.containsExactly("order.status-changed", "order.status-changed");
			assertThat(messages).extracting(Message::status).containsExactly("PLACED", "REJECTED");
			assertThat(messages.get(1).id()).isGreaterThan(messages.get(0).id());
			Message rejected = messages.get(1);
			assertThat(rejected.data().get("orderNumber").asString()).isEqualTo(TestEvents.number(orderId));
			assertThat(rejected.data().get("occurredAt").asString()).isEqualTo("2026-11-22T08:01:00Z");
			assertThat(rejected.data().get("reasons").get(0).get("code").asString()).isEqualTo("CREDIT_DECLINED");
			assertThat(rejected.data().get("reasons").get(0).get("message").asString())
				.isEqualTo("Luottoraja ylittyi – tilaus hylätty");
		}
	}

	@Test
	void openStreamsAreCountedWhileTheyAreOpen() {
		double before = scrape().value("leverans_stream_connections").orElseThrow();
		try (SseClient anna = stream(TestTokens.orderer("anna-test", RAKENNUS));
				SseClient erik = stream(TestTokens.orderer("erik-test", BYGG))) {
			assertThat(anna.status()).isEqualTo(200);
			assertThat(erik.status()).isEqualTo(200);
			await().atMost(WAIT).untilAsserted(() -> assertThat(scrape().value("leverans_stream_connections"))
				.hasValueSatisfying(open -> assertThat(open).isGreaterThanOrEqualTo(before + 2)));
		}
		// The server notices a closed stream at its next heartbeat at the latest.
		await().atMost(WAIT).untilAsserted(() -> assertThat(scrape().value("leverans_stream_connections"))
			.hasValueSatisfying(open -> assertThat(open).isLessThanOrEqualTo(before)));
	}

	@Test
	void byggOrdererDoesNotReceiveRakennusEvents() {
		UUID rakennusOrder = UUID.randomUUID();
		UUID byggOrder = UUID.randomUUID();
		try (SseClient erik = stream(TestTokens.orderer("erik-test", BYGG));
				SseClient anna = stream(TestTokens.orderer("anna-test", RAKENNUS))) {
			events().publish(rakennusOrder, TestEvents.placed(rakennusOrder, RAKENNUS, JATKASAARI));
			await().atMost(WAIT).until(() -> anna.received(rakennusOrder));

			// Rows reach a stream in id order, so once erik has a later row he was offered the earlier one.
			events().publish(byggOrder, TestEvents.placed(byggOrder, BYGG, HAMMARBY));
			await().atMost(WAIT).until(() -> erik.received(byggOrder));

			assertThat(erik.messagesAbout(byggOrder).getFirst().id())
				.isGreaterThan(anna.messagesAbout(rakennusOrder).getFirst().id());
			assertThat(erik.received(rakennusOrder)).isFalse();
			assertThat(anna.received(byggOrder)).isFalse();
		}
	}

	@Test
	void receiverGetsShipmentEventsForHisSiteOnly() {
		UUID toHisSite = UUID.randomUUID();
		UUID toOtherSite = UUID.randomUUID();
		agreementNames(RAKENNUS, JATKASAARI);
		try (SseClient mikko = stream(TestTokens.receiver("mikko-test", RAKENNUS, JATKASAARI));
				SseClient admin = stream(TestTokens.admin("admin-test"))) {
			events().publish(toOtherSite, TestEvents.placed(toOtherSite, RAKENNUS, PASILA));
			events().publish(toOtherSite, TestEvents.shipmentUpdated(toOtherSite, RAKENNUS, PASILA, "PICKED_UP"));
			await().atMost(WAIT).until(() -> admin.messagesAbout(toOtherSite).size() == 2);

			events().publish(toHisSite, TestEvents.placed(toHisSite, RAKENNUS, PASILA, JATKASAARI));
			events().publish(toHisSite, TestEvents.shipmentUpdated(toHisSite, RAKENNUS, JATKASAARI, "IN_TRANSIT"));
			await().atMost(WAIT).until(() -> mikko.messagesAbout(toHisSite).size() == 2);

			assertThat(mikko.messagesAbout(toHisSite)).extracting(Message::event)
				.containsExactly("order.status-changed", "shipment.updated");
			Message shipment = mikko.messagesAbout(toHisSite).get(1);
			assertThat(shipment.data().get("siteId").asString()).isEqualTo(JATKASAARI.toString());
			assertThat(shipment.data().get("status").asString()).isEqualTo("IN_TRANSIT");
			assertThat(shipment.data().get("window").get("basis").asString()).isEqualTo("PLANNED");
			assertThat(mikko.received(toOtherSite)).isFalse();
		}
	}

	@Test
	void idleStreamsGetHeartbeats() {
		try (SseClient carrier = stream(TestTokens.carrier("nordic-freight"))) {
			assertThat(carrier.status()).isEqualTo(200);
			await().atMost(WAIT)
				.until(() -> carrier.comments().stream().filter("keep-alive"::equals).count() >= 3);
			assertThat(carrier.messages()).isEmpty();
		}
	}

	@Test
	void forgetsStreamsWhoseClientWentAway(@Autowired StreamHub hub) {
		SseClient anna = stream(TestTokens.orderer("anna-test", RAKENNUS));
		await().atMost(WAIT).until(() -> hub.connected() >= 1);
		anna.close();
		// The next heartbeat finds the connection gone.
		await().atMost(WAIT).until(() -> hub.connected() == 0);
	}

	@Test
	void streamEndsWhenItsTokenExpires() {
		String shortLived = TestTokens.token("anna-test", List.of("ORDERER"), RAKENNUS, List.of(),
				Duration.ofSeconds(3));
		try (SseClient anna = stream(shortLived)) {
			assertThat(anna.status()).isEqualTo(200);
			await().atMost(WAIT).until(anna::ended);
		}
	}

	@Test
	void refusesCallersWithoutTokenAsProblem() {
		SseClient anonymous = stream(null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
		assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(anonymous.body()).contains("\"status\":401").contains("\"title\":\"Unauthorized\"");
	}

	@Test
	void publishesItsOpenApiDocument() {
		var response = call("GET", "/v3/api-docs", null, null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("/api/stream", "/api/subscriptions/me", "/api/webhooks");
	}

	@Test
	void refusesTamperedTokens() {
		SseClient forged = stream(TestTokens.orderer("anna-test", RAKENNUS) + "x");
		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void rejectsLastEventIdThatIsNoEventId() {
		SseClient client = SseClient.connectRaw(this.port, TestTokens.orderer("anna-test", RAKENNUS), "yesterday");
		assertThat(client.status()).isEqualTo(400);
		assertThat(client.header("Content-Type")).startsWith("application/problem+json");
		assertThat(client.body()).contains("Last-Event-ID").contains("\"type\":\"urn:leverans:problem:invalid-request\"").contains("\"title\"");
	}
}

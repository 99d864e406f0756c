package org.leverans.notification.deadletter;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.Topics;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.TestTokens;
import org.leverans.testsupport.events.CloudEventRecord;
import org.leverans.testsupport.events.EventProducer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * messaging's dead-letter API as every service has it, here in notification-service: over real HTTP, with a record
 * the service really could not apply.
 */
class DeadLetterApiIntegrationTest extends IntegrationTest {

	private static final String DEAD_LETTERS = "/api/admin/dead-letters/notification-service";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String admin = TestTokens.admin("admin-test");

	@Autowired
	@Qualifier("deadLettersHealthIndicator")
	HealthIndicator health;

	@Test
	void adminSeesWhyARecordCouldNotBeAppliedAndDiscardsItOnce() {
		UUID orderId = UUID.randomUUID();
		String eventId = unreadableOrderPlaced(orderId);

		JsonNode dead = awaitPendingAbout(orderId, eventId);
		assertThat(dead.get("topic").asString()).isEqualTo(Topics.ORDER);
		assertThat(dead.get("consumerGroup").asString()).isEqualTo("notification-service");
		assertThat(dead.get("eventType").asString()).isEqualTo("leverans.order.placed.v1");
		assertThat(dead.get("reason").asString()).startsWith("tools.jackson");
		assertThat(dead.get("payload").asString()).isEqualTo("{\"orderId\": 42, unreadable");
		assertThat(dead.get("status").asString()).isEqualTo("PENDING");
		assertThat(this.health.health().getDetails().get("pending")).isInstanceOfSatisfying(Long.class,
				pending -> assertThat(pending).isPositive());

		HttpResponse<String> discarded = call("POST", DEAD_LETTERS + "/" + dead.get("id").asLong() + "/discard",
				this.admin, "{\"note\":\"a test producer's mistake\"}");
		assertThat(discarded.statusCode()).isEqualTo(200);
		JsonNode decided = json.readTree(discarded.body());
		assertThat(decided.get("status").asString()).isEqualTo("DISCARDED");
		assertThat(decided.get("decidedBy").asString()).isEqualTo("admin-test");
		assertThat(decided.get("note").asString()).isEqualTo("a test producer's mistake");

		HttpResponse<String> again = call("POST", DEAD_LETTERS + "/" + dead.get("id").asLong() + "/replay",
				this.admin, null);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(json.readTree(again.body()).get("status").asString()).isEqualTo("DISCARDED");
		assertThat(pendingAbout(orderId, eventId)).isNull();
	}

	@Test
	void replayedRecordGoesThroughTheConsumerAgain() {
		UUID orderId = UUID.randomUUID();
		String eventId = unreadableOrderPlaced(orderId);
		JsonNode dead = awaitPendingAbout(orderId, eventId);

		HttpResponse<String> replayed = call("POST", DEAD_LETTERS + "/" + dead.get("id").asLong() + "/replay",
				this.admin, null);

		assertThat(replayed.statusCode()).isEqualTo(200);
		assertThat(json.readTree(replayed.body()).get("status").asString()).isEqualTo("REPLAYED");
		// Still unreadable, so the consumer gives up on it again: a new dead letter of the same event.
		JsonNode deadAgain = awaitPendingAbout(orderId, eventId);
		assertThat(deadAgain.get("id").asLong()).isNotEqualTo(dead.get("id").asLong());
		assertThat(deadAgain.get("offset").asLong()).isGreaterThan(dead.get("offset").asLong());
	}

	@Test
	void onlyAdminsMayListOrDecideAndUnknownOnesAreNotFound() {
		assertThat(call("GET", DEAD_LETTERS, TestTokens.customerService("sara-test"), null).statusCode())
			.isEqualTo(403);
		assertThat(call("GET", DEAD_LETTERS, TestTokens.orderer("anna-test", TestTokens.RAKENNUS), null)
			.statusCode()).isEqualTo(403);
		assertThat(call("POST", DEAD_LETTERS + "/1/replay", TestTokens.customerService("sara-test"), null)
			.statusCode()).isEqualTo(403);
		assertThat(call("GET", DEAD_LETTERS, null, null).statusCode()).isEqualTo(401);

		HttpResponse<String> unknown = call("POST", DEAD_LETTERS + "/" + Long.MAX_VALUE + "/replay", this.admin, null);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("urn:leverans:problem:not-found");
		assertThat(call("GET", DEAD_LETTERS + "?limit=0", this.admin, null).statusCode()).isEqualTo(400);
		assertThat(call("GET", DEAD_LETTERS + "?status=LOST", this.admin, null).statusCode()).isEqualTo(400);
		assertThat(call("POST", DEAD_LETTERS + "/1/discard", this.admin, "{\"note\":\"" + "x".repeat(501) + "\"}")
			.statusCode()).isEqualTo(400);
	}

	/** An OrderPlaced no reader can make sense of: a dead letter at once, without retries. */
	private static String unreadableOrderPlaced(UUID orderId) {
		String eventId = UUID.randomUUID().toString();
		EventProducer.send(CloudEventRecord.of(Topics.ORDER, orderId, "leverans.order.placed.v1",
				"{\"orderId\": 42, unreadable").id(eventId));
		return eventId;
	}

	private JsonNode awaitPendingAbout(UUID orderId, String eventId) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> pendingAbout(orderId, eventId), dead -> dead != null);
	}

	private JsonNode pendingAbout(UUID orderId, String eventId) {
		HttpResponse<String> listed = call("GET", DEAD_LETTERS + "?topic=" + Topics.ORDER + "&limit=500", this.admin,
				null);
		assertThat(listed.statusCode()).isEqualTo(200);
		for (JsonNode dead : json.readTree(listed.body())) {
			if (orderId.toString().equals(dead.get("key").asString())
					&& eventId.equals(dead.get("eventId").asString())) {
				return dead;
			}
		}
		return null;
	}
}

package org.leverans.notification.follow;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.Reason;
import org.leverans.contracts.order.OrderCancelled;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.SseClient;
import org.leverans.notification.TestEvents;
import org.leverans.notification.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FollowsIntegrationTest extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final UUID customer = UUID.randomUUID();

	private final UUID site = UUID.randomUUID();

	private final String sara = "sara-" + UUID.randomUUID();

	private final String saraToken = TestTokens.customerService(this.sara);

	@Test
	void customerServiceSeesTheChangesOfAFollowedOrderOnTheStreamAndNothingElse() {
		UUID followed = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		events().publish(followed, TestEvents.placed(followed, this.customer, this.site));
		await().atMost(WAIT).until(() -> rowsAbout(followed) == 1);

		HttpResponse<String> created = call("POST", "/api/subscriptions/follows", this.saraToken,
				"{\"orderId\":\"" + followed + "\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).isPresent();

		try (SseClient stream = stream(this.saraToken)) {
			// The same customer, another order: following one order is not following the customer.
			events().publish(other, TestEvents.placed(other, this.customer, this.site));
			await().atMost(WAIT).until(() -> rowsAbout(other) == 1);
			events().publish(followed, TestEvents.rejected(followed, this.customer,
					Reason.of("CREDIT_DECLINED", "Credit limit exceeded")));
			await().atMost(WAIT).until(() -> stream.received(followed));

			assertThat(stream.messagesAbout(followed)).extracting(SseClient.Message::status)
				.containsExactly("REJECTED");
			assertThat(stream.received(other)).isFalse();
		}
	}

	@Test
	void anOpenStreamHearsAnOrderFromTheMomentItIsFollowedUntilItIsNoLonger() {
		UUID orderId = UUID.randomUUID();
		events().publish(orderId, TestEvents.placed(orderId, this.customer, this.site));
		await().atMost(WAIT).until(() -> rowsAbout(orderId) == 1);
		try (SseClient stream = stream(this.saraToken); SseClient admin = stream(TestTokens.admin("admin-test"))) {
			HttpResponse<String> created = call("POST", "/api/subscriptions/follows", this.saraToken,
					"{\"orderId\":\"" + orderId + "\"}");
			events().publish(orderId, TestEvents.rejected(orderId, this.customer,
					Reason.of("CREDIT_DECLINED", "Credit limit exceeded")));
			await().atMost(WAIT).until(() -> stream.received(orderId));

			call("DELETE", "/api/subscriptions/follows/" + json.readTree(created.body()).get("id").asString(),
					this.saraToken, null);
			events().publish(orderId, new OrderCancelled(orderId, TestEvents.number(orderId), this.customer, "anna",
					"Changed my mind", Instant.now()));
			await().atMost(WAIT).until(() -> admin.messagesAbout(orderId).size() == 2);
			assertThat(stream.messagesAbout(orderId)).extracting(SseClient.Message::status)
				.containsExactly("REJECTED");
		}
	}

	@Test
	void customerServiceWithoutFollowsSeesNoCustomersChanges() {
		UUID orderId = UUID.randomUUID();
		try (SseClient stream = stream(this.saraToken);
				SseClient admin = stream(TestTokens.admin("admin-test"))) {
			events().publish(orderId, TestEvents.placed(orderId, this.customer, this.site));
			await().atMost(WAIT).until(() -> admin.received(orderId));
			assertThat(stream.received(orderId)).isFalse();
		}
	}

	@Test
	void followingACustomerBringsItsOrdersByEmailWhenChosen() throws Exception {
		String address = this.sara + "@supplier.example";
		String token = TestTokens.person(this.sara, List.of("CUSTOMER_SERVICE"), null, List.of(), address, "en",
				Duration.ofMinutes(10));
		assertThat(call("PUT", "/api/subscriptions/me", token, "{\"emailEvents\":[\"order.status-changed\"]}")
			.statusCode()).isEqualTo(200);
		UUID before = UUID.randomUUID();
		events().publish(before, TestEvents.placed(before, this.customer, this.site));
		await().atMost(WAIT).until(() -> rowsAbout(before) == 1);
		// The mail planner has passed it before sara follows: it was not hers to get.
		await().atMost(WAIT).until(() -> this.jdbc.queryForObject("""
				SELECT (SELECT last_stream_event_id FROM mail_cursor)
				       >= (SELECT max(id) FROM stream_event WHERE order_id = ?)""", Boolean.class, before));

		assertThat(call("POST", "/api/subscriptions/follows", token, "{\"customerId\":\"" + this.customer + "\"}")
			.statusCode()).isEqualTo(201);
		UUID after = UUID.randomUUID();
		events().publish(after, TestEvents.placed(after, this.customer, this.site));

		await().atMost(WAIT).until(() -> mailTo(address).size() == 1);
		assertThat(mailTo(address).getFirst().getSubject()).contains(TestEvents.number(after));
	}

	@Test
	void followingTheSameOrderTwiceIsOneFollowThatCanBeRemoved() {
		UUID orderId = UUID.randomUUID();
		events().publish(orderId, TestEvents.placed(orderId, this.customer, this.site));
		await().atMost(WAIT).until(() -> rowsAbout(orderId) == 1);
		String body = "{\"orderId\":\"" + orderId + "\"}";

		HttpResponse<String> first = call("POST", "/api/subscriptions/follows", this.saraToken, body);
		HttpResponse<String> again = call("POST", "/api/subscriptions/follows", this.saraToken, body);
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(again.statusCode()).isEqualTo(200);
		String id = json.readTree(first.body()).get("id").asString();
		assertThat(json.readTree(again.body()).get("id").asString()).isEqualTo(id);

		JsonNode listed = json.readTree(call("GET", "/api/subscriptions/follows", this.saraToken, null).body());
		assertThat(listed.get("items")).hasSize(1);
		assertThat(listed.get("items").get(0).get("orderId").asString()).isEqualTo(orderId.toString());

		// Another customer service person cannot see or remove sara's follow.
		String colleague = TestTokens.customerService("colleague-" + UUID.randomUUID());
		assertThat(call("DELETE", "/api/subscriptions/follows/" + id, colleague, null).statusCode()).isEqualTo(404);
		assertThat(call("DELETE", "/api/subscriptions/follows/" + id, this.saraToken, null).statusCode())
			.isEqualTo(204);
		assertThat(json.readTree(call("GET", "/api/subscriptions/follows", this.saraToken, null).body()).get("items"))
			.isEmpty();
	}

	@Test
	void rejectsAFollowNamingNeitherOrBothOrAMalformedId() {
		for (String body : List.of("{}", "{\"orderId\":\"" + UUID.randomUUID() + "\",\"customerId\":\"" + this.customer
				+ "\"}", "{\"customerId\":\"not-an-id\"}")) {
			HttpResponse<String> response = call("POST", "/api/subscriptions/follows", this.saraToken, body);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			JsonNode problem = json.readTree(response.body());
			assertThat(problem.get("type").asString()).isEqualTo("urn:leverans:problem:invalid-request");
			assertThat(problem.get("errors").get(0).get("field").asString()).isIn("orderId", "customerId");
		}
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM follow WHERE subject = ?", Integer.class, this.sara))
			.isZero();
	}

	@Test
	void rejectsFollowingAnOrderThisServiceHasNeverSeen() {
		HttpResponse<String> response = call("POST", "/api/subscriptions/follows", this.saraToken,
				"{\"orderId\":\"" + UUID.randomUUID() + "\"}");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString()).isEqualTo("orderId");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM follow WHERE subject = ?", Integer.class, this.sara))
			.isZero();
	}

	@Test
	void customersOwnPeopleCannotFollowAnotherCustomer() {
		String erik = TestTokens.orderer("erik-test", TestTokens.BYGG);
		HttpResponse<String> response = call("POST", "/api/subscriptions/follows", erik,
				"{\"customerId\":\"" + TestTokens.RAKENNUS + "\"}");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(json.readTree(response.body()).get("type").asString()).isEqualTo("urn:leverans:problem:forbidden");
		assertThat(call("GET", "/api/subscriptions/follows", erik, null).statusCode()).isEqualTo(403);
	}
}

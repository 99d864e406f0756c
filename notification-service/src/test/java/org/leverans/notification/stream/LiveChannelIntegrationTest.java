package org.leverans.notification.stream;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.Reason;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.SseClient;
import org.leverans.notification.SseClient.Message;
import org.leverans.notification.TestEvents;
import org.leverans.notification.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LiveChannelIntegrationTest extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Test
	void liveStreamShowsOnlyTheChosenEventsAndResumesPastTheOnesLeftOut() {
		UUID customer = UUID.randomUUID();
		String token = TestTokens.orderer("live-" + UUID.randomUUID(), customer);
		assertThat(call("PUT", "/api/subscriptions/me", token, "{\"channels\":{\"live\":[\"order.rejected\"]}}")
			.statusCode()).isEqualTo(200);
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		UUID third = UUID.randomUUID();

		long lastSeen;
		try (SseClient stream = stream(token)) {
			events().publish(first, TestEvents.placed(first, customer));
			events().publish(first, TestEvents.rejected(first, customer, Reason.of("CREDIT_DECLINED", "No")));
			await().atMost(WAIT).until(() -> stream.messages().size() == 1);
			assertThat(stream.messages().getFirst().status()).isEqualTo("REJECTED");
			lastSeen = stream.lastId();
		}
		// While away: left-out rows between two wanted ones.
		events().publish(second, TestEvents.rejected(second, customer, Reason.of("CREDIT_DECLINED", "No")));
		for (int i = 0; i < 3; i++) {
			UUID placed = UUID.randomUUID();
			events().publish(placed, TestEvents.placed(placed, customer));
		}
		events().publish(third, TestEvents.rejected(third, customer, Reason.of("CREDIT_DECLINED", "No")));
		await().atMost(WAIT).until(() -> rowsAbout(third) == 1);

		try (SseClient resumed = resume(token, lastSeen)) {
			await().atMost(WAIT).until(() -> resumed.messages().size() == 2);
			UUID fourth = UUID.randomUUID();
			events().publish(fourth, TestEvents.placed(fourth, customer));
			events().publish(fourth, TestEvents.rejected(fourth, customer, Reason.of("CREDIT_DECLINED", "No")));
			await().atMost(WAIT).until(() -> resumed.messages().size() == 3);
			// second and third are keyed by different orders, so they may be stored in either order; fourth comes
			// after both because it was published once they had arrived
			assertThat(resumed.messages().subList(0, 2)).extracting(Message::orderId)
				.containsExactlyInAnyOrder(second, third);
			assertThat(resumed.messages().get(2).orderId()).isEqualTo(fourth);
			assertThat(resumed.messages()).extracting(Message::status).containsOnly("REJECTED");
		}
		// Someone who did not choose still sees everything.
		try (SseClient everything = resume(TestTokens.orderer("live-all-" + UUID.randomUUID(), customer), lastSeen)) {
			await().atMost(WAIT).until(() -> everything.messages().size() >= 7);
		}
	}
}

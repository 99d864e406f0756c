package org.leverans.notification.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.SseClient;
import org.leverans.notification.SseClient.Message;
import org.leverans.notification.TestEvents;
import org.leverans.notification.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StreamResumeIntegrationTest extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Test
	void reconnectWithLastEventIdResumesWithNoGapAndNoDuplicate() {
		UUID customer = UUID.randomUUID();
		String token = TestTokens.orderer("anna-test", customer);
		List<UUID> orders = IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).toList();

		long lastSeen;
		try (SseClient first = stream(token)) {
			publishPlaced(orders.get(0), customer);
			publishPlaced(orders.get(1), customer);
			await().atMost(WAIT).until(() -> first.messages().size() == 2);
			lastSeen = first.lastId();
		}
		// Recorded while nobody was listening: only the database can give them back.
		publishPlaced(orders.get(2), customer);
		publishPlaced(orders.get(3), customer);
		await().atMost(WAIT).until(() -> rowsAbout(orders.get(2)) == 1 && rowsAbout(orders.get(3)) == 1);

		try (SseClient resumed = resume(token, lastSeen)) {
			await().atMost(WAIT).until(() -> resumed.messages().size() == 2);
			publishPlaced(orders.get(4), customer);
			await().atMost(WAIT).until(() -> resumed.messages().size() == 3);

			assertThat(resumed.messages()).extracting(Message::orderId)
				.containsExactly(orders.get(2), orders.get(3), orders.get(4));
			assertThat(resumed.messages()).extracting(Message::id).allMatch(id -> id > lastSeen).isSorted();
		}
	}

	@Test
	void reconnectingWhileEventsKeepComingLosesAndRepeatsNothing() {
		UUID customer = UUID.randomUUID();
		String token = TestTokens.orderer("anna-test", customer);
		List<UUID> orders = IntStream.range(0, 40).mapToObj(i -> UUID.randomUUID()).toList();

		SseClient first = stream(token);
		CompletableFuture<Void> publishing = CompletableFuture
			.runAsync(() -> orders.forEach(orderId -> publishPlaced(orderId, customer)));
		await().atMost(WAIT).until(() -> first.messages().size() >= 10);
		first.close();
		List<Message> before = first.messages();
		try (SseClient resumed = resume(token, before.getLast().id())) {
			publishing.join();
			await().atMost(WAIT).until(() -> before.size() + resumed.messages().size() >= orders.size());

			List<Message> all = new ArrayList<>(before);
			all.addAll(resumed.messages());
			assertThat(all).extracting(Message::id).doesNotHaveDuplicates().isSorted();
			assertThat(all).extracting(Message::orderId).containsExactlyInAnyOrderElementsOf(orders);
		}
	}

	@Test
	void redeliveredKafkaEventProducesOneStreamMessage() {
		UUID customer = UUID.randomUUID();
		UUID orderId = UUID.randomUUID();
		try (SseClient anna = stream(TestTokens.orderer("anna-test", customer))) {
			String eventId = UUID.randomUUID().toString();
			events().publish(orderId, TestEvents.placed(orderId, customer, TestTokens.JATKASAARI), eventId);
			events().publish(orderId, TestEvents.placed(orderId, customer, TestTokens.JATKASAARI), eventId);
			// Same key, so the same partition: by the time this one arrives the redelivery was handled.
			events().publish(orderId, TestEvents.rejected(orderId, customer));

			await().atMost(WAIT).until(() -> anna.messagesAbout(orderId).size() >= 2);
			assertThat(anna.messagesAbout(orderId)).extracting(Message::status).containsExactly("PLACED", "REJECTED");
			assertThat(rowsAbout(orderId)).isEqualTo(2);
		}
	}

	@Test
	void resumingShowsOnlyWhatTheCallerMaySee() {
		UUID customer = UUID.randomUUID();
		UUID otherCustomer = UUID.randomUUID();
		String token = TestTokens.orderer("anna-test", customer);
		UUID mine = UUID.randomUUID();
		UUID theirs = UUID.randomUUID();
		long lastSeen;
		try (SseClient first = stream(token)) {
			UUID earlier = UUID.randomUUID();
			publishPlaced(earlier, customer);
			await().atMost(WAIT).until(() -> first.received(earlier));
			lastSeen = first.lastId();
		}
		publishPlaced(theirs, otherCustomer);
		publishPlaced(mine, customer);
		await().atMost(WAIT).until(() -> rowsAbout(theirs) == 1 && rowsAbout(mine) == 1);

		try (SseClient resumed = resume(token, lastSeen)) {
			await().atMost(WAIT).until(() -> resumed.received(mine));
			Set<UUID> seen = new HashSet<>(resumed.messages().stream().map(Message::orderId).toList());
			assertThat(seen).containsExactly(mine);
		}
	}

	private void publishPlaced(UUID orderId, UUID customer) {
		events().publish(orderId, TestEvents.placed(orderId, customer, TestTokens.JATKASAARI));
	}
}

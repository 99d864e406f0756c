package org.leverans.notification.stream;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventKindsTest {

	@Test
	void finerEventsAreStreamMessagesWithTheirStatusOrPartnerEvent() {
		StreamEvent accepted = event(StreamEventNames.ORDER_STATUS_CHANGED, "{\"status\":\"ACCEPTED\"}");
		StreamEvent pickedUp = event(StreamEventNames.SHIPMENT_UPDATED,
				"{\"status\":\"IN_TRANSIT\",\"eventType\":\"PICKED_UP\"}");
		StreamEvent failed = event(StreamEventNames.SHIPMENT_UPDATED,
				"{\"status\":\"DELIVERY_FAILED\",\"eventType\":\"DELIVERY_FAILED\"}");
		assertThat(EventKinds.of(accepted)).containsExactlyInAnyOrder("order.status-changed", "order.confirmed");
		assertThat(EventKinds.of(pickedUp)).containsExactlyInAnyOrder("shipment.updated", "shipment.dispatched");
		assertThat(EventKinds.matches(Set.of("shipment.exception"), failed)).isTrue();
		assertThat(EventKinds.matches(Set.of("order.rejected"), accepted)).isFalse();
		assertThat(EventKinds.matches(Set.of("order.status-changed"), accepted)).isTrue();
	}

	@Test
	void anOrderWaitingForApprovalIsItsOwnFinerEvent() {
		StreamEvent awaiting = event(StreamEventNames.ORDER_STATUS_CHANGED, "{\"status\":\"AWAITING_APPROVAL\"}");
		assertThat(EventKinds.of(awaiting)).containsExactlyInAnyOrder("order.status-changed",
				"order.awaiting-approval");
		assertThat(EventKinds.subscribable()).contains("order.awaiting-approval");
	}

	@Test
	void aClaimUpdateIsAStreamNameOfItsOwnWithNoFinerEvent() {
		StreamEvent accepted = event(StreamEventNames.CLAIM_UPDATED, "{\"status\":\"ACCEPTED\"}");
		assertThat(EventKinds.of(accepted)).containsExactly("claim.updated");
		assertThat(EventKinds.subscribable()).contains("claim.updated");
		assertThat(EventKinds.matches(Set.of("order.confirmed"), accepted)).isFalse();
		assertThat(EventKinds.shownLive(Set.of("order.status-changed"), accepted)).isFalse();
		assertThat(EventKinds.shownLive(Set.of("claim.updated"), accepted)).isTrue();
	}

	@Test
	void noticesOutsideTheVocabularyAreNeverHiddenLiveNorSentByChoice() {
		StreamEvent notice = event("webhook.disabled", "{}");
		assertThat(EventKinds.shownLive(Set.of("order.rejected"), notice)).isTrue();
		assertThat(EventKinds.matches(Set.of("order.rejected"), notice)).isFalse();
	}

	private static StreamEvent event(String name, String data) {
		return new StreamEvent(1, name, null, Set.of(), data, Instant.now());
	}
}

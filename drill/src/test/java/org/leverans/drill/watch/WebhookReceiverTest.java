package org.leverans.drill.watch;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookReceiverTest {

	private static final UUID ORDER = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");

	private static final UUID OTHER_ORDER = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000002");

	@Test
	void aMessageCalledAgainUnderItsOwnIdIsARepeatNotADouble() {
		List<WebhookReceiver.Call> calls = List.of(accepted("msg-1", ORDER), accepted("msg-1", ORDER));

		assertThat(WebhookReceiver.tally(calls, List.of(ORDER)))
			.isEqualTo(new WebhookReceiver.Tally(2, 1, 1, 0));
	}

	@Test
	void theSameChangeSentUnderASecondIdIsDoubled() {
		List<WebhookReceiver.Call> calls = List.of(accepted("msg-1", ORDER), accepted("msg-2", ORDER),
				accepted("msg-3", ORDER));

		assertThat(WebhookReceiver.tally(calls, List.of(ORDER)).doubled()).isEqualTo(2);
	}

	@Test
	void twoChangesOfOneOrderAreTwoMessagesAndNoDouble() {
		List<WebhookReceiver.Call> calls = List.of(
				new WebhookReceiver.Call("msg-1", "order.status-changed", ORDER.toString(), "VALIDATED",
						"order.status-changed {\"orderId\":\"" + ORDER + "\",\"status\":\"VALIDATED\"}"),
				accepted("msg-2", ORDER));

		assertThat(WebhookReceiver.tally(calls, List.of(ORDER))).isEqualTo(new WebhookReceiver.Tally(2, 2, 0, 0));
	}

	@Test
	void countsOnlyCallsAboutTheOrdersAskedFor() {
		List<WebhookReceiver.Call> calls = List.of(accepted("msg-1", ORDER), accepted("msg-2", OTHER_ORDER),
				accepted("msg-3", OTHER_ORDER));

		assertThat(WebhookReceiver.tally(calls, List.of(ORDER))).isEqualTo(new WebhookReceiver.Tally(1, 1, 0, 0));
	}

	private static WebhookReceiver.Call accepted(String webhookId, UUID order) {
		return new WebhookReceiver.Call(webhookId, "order.status-changed", order.toString(), "ACCEPTED",
				"order.status-changed {\"orderId\":\"" + order + "\",\"status\":\"ACCEPTED\"}");
	}
}

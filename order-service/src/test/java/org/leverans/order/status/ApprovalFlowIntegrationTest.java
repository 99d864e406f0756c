package org.leverans.order.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.Topics;
import org.leverans.contracts.order.OrderAwaitingApproval;
import org.leverans.order.OrderServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leverans.order.OrderEvents.approvalRejected;
import static org.leverans.order.OrderEvents.approvalRequired;
import static org.leverans.order.OrderEvents.approved;
import static org.leverans.order.OrderEvents.creditReserved;
import static org.leverans.order.OrderEvents.validated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Orders above a spending limit: they wait for an agreement manager, and their page says who decided and when. */
class ApprovalFlowIntegrationTest extends OrderServiceIntegrationTest {

	@Test
	void anOrderWaitsForApprovalAndItsPageShowsWhoApprovedItAndWhen() throws Exception {
		UUID id = placeOrder(JATKASAARI);

		send(id, approvalRequired(id));
		awaitStatus(id, "AWAITING_APPROVAL");
		OrderAwaitingApproval awaiting = this.json.readValue(
				awaitRecord(Topics.ORDER, id, "leverans.order.awaiting-approval.v1").value(),
				OrderAwaitingApproval.class);
		assertThat(awaiting.approvers()).containsExactly("liisa");
		assertThat(awaiting.placedBy()).isEqualTo("anna");
		assertThat(awaiting.totals().total()).isEqualByComparingTo("431.00");
		assertThat(awaiting.reasons()).extracting(reason -> reason.code()).containsExactly("ORDER_LIMIT_EXCEEDED");
		JsonNode waiting = getOrder(id, anna());
		assertThat(waiting.get("statusReasons").get(0).get("code").asString()).isEqualTo("ORDER_LIMIT_EXCEEDED");
		assertThat(waiting.get("approval").get("status").asString()).isEqualTo("PENDING");
		assertThat(waiting.get("approval").get("approvers").get(0).asString()).isEqualTo("liisa");

		send(id, approved(id, "liisa"));
		send(id, validated(id, JATKASAARI));
		send(id, creditReserved(id));
		awaitStatus(id, "ACCEPTED");

		JsonNode order = getOrder(id, anna());
		JsonNode approval = order.get("approval");
		assertThat(approval.get("status").asString()).isEqualTo("APPROVED");
		assertThat(approval.get("decidedBy").asString()).isEqualTo("liisa");
		assertThat(approval.get("decidedAt").isNull()).isFalse();
		assertThat(approval.get("note").asString()).isEqualTo("Needed for the slab");
		assertThat(order.get("statusReasons")).isEmpty();
		assertThat(order.get("statusHistory").valueStream().map(h -> h.get("status").asString()))
			.containsExactly("PLACED", "AWAITING_APPROVAL", "VALIDATED", "ACCEPTED");
		assertThat(timelineSummary(id, "OrderApproved")).isEqualTo("Approved by liisa: Needed for the slab");
	}

	@Test
	void aRejectedApprovalRejectsTheOrderWithTheManagersReason() throws Exception {
		UUID id = placeOrder(JATKASAARI);
		send(id, approvalRequired(id));
		awaitStatus(id, "AWAITING_APPROVAL");

		send(id, approvalRejected(id, "liisa", "APPROVAL_REJECTED", "Rejected by liisa: order from the framework"));
		awaitStatus(id, "REJECTED");

		JsonNode order = getOrder(id, anna());
		assertThat(order.get("statusReasons").get(0).get("message").asString())
			.isEqualTo("Rejected by liisa: order from the framework");
		assertThat(order.get("approval").get("status").asString()).isEqualTo("REJECTED");
		JsonNode rejected = this.json.readTree(new String(
				awaitRecord(Topics.ORDER, id, "leverans.order.rejected.v1").value(), StandardCharsets.UTF_8));
		assertThat(rejected.get("reasons").get(0).get("code").asString()).isEqualTo("APPROVAL_REJECTED");
	}

	@Test
	void anExpiredApprovalRejectsTheOrderAndSaysNobodyDecided() throws Exception {
		UUID id = placeOrder(JATKASAARI);
		send(id, approvalRequired(id));
		awaitStatus(id, "AWAITING_APPROVAL");

		send(id, approvalRejected(id, null, "APPROVAL_EXPIRED", "No agreement manager approved it within 72 hours"));
		awaitStatus(id, "REJECTED");

		JsonNode approval = getOrder(id, anna()).get("approval");
		assertThat(approval.get("status").asString()).isEqualTo("EXPIRED");
		assertThat(approval.get("decidedBy").isNull()).isTrue();
	}

	@Test
	void theOrdererMayCancelAnOrderWhileItWaitsForApproval() throws Exception {
		UUID id = placeOrder(JATKASAARI);
		send(id, approvalRequired(id));
		awaitStatus(id, "AWAITING_APPROVAL");

		this.mvc.perform(post("/api/orders/{id}/cancel", id).with(anna())
			.contentType("application/json")
			.content("{\"reason\":\"Too much after all\"}"));

		assertThat(status(id)).isEqualTo("CANCELLED");
		send(id, approved(id, "liisa"));
		awaitTimeline(id, "OrderApproved", 1);
		assertThat(status(id)).isEqualTo("CANCELLED");
	}

	private String timelineSummary(UUID orderId, String type) {
		return this.jdbc.queryForObject("SELECT summary FROM order_timeline WHERE order_id = ? AND type = ?",
				String.class, orderId, type);
	}
}

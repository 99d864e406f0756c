package org.leverans.credit.review;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.order.OrderCancelled;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.credit.account.CreditAccount;
import org.leverans.credit.decision.CreditAssessment;
import org.leverans.credit.decision.CreditReleases;
import org.leverans.credit.testing.CreditServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CreditReviewApiIntegrationTest extends CreditServiceIntegrationTest {

	@Autowired
	CreditAssessment assessment;

	@Autowired
	CreditReleases releases;

	@Test
	void listsHeldOrdersWithReasonOrderTotalExposureAndAvailableCredit() throws Exception {
		CreditAccount account = newAccount("1000.00");
		UUID reviewId = reviewOverLimit(account);

		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/api/support/credit-reviews").with(as("sara", "CUSTOMER_SERVICE")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.id == '" + reviewId + "')].orderTotal").value("250.00"))
			.andExpect(jsonPath("$.items[?(@.id == '" + reviewId + "')].exposure").value("800.00"))
			.andExpect(jsonPath("$.items[?(@.id == '" + reviewId + "')].available").value("200.00"))
			.andExpect(jsonPath("$.items[?(@.id == '" + reviewId + "')].limit").value("1000.00"))
			.andExpect(jsonPath("$.items[?(@.id == '" + reviewId + "')].reasons[0].code").value("OVER_LIMIT"))
			.andExpect(jsonPath("$.items[?(@.id == '" + reviewId + "')].status").value("OPEN"));
	}

	@Test
	void reviewNamesTheHeldOrdersNumberInTheQueueAndOnItsOwn() throws Exception {
		CreditAccount account = newAccount("1000.00");
		UUID reviewId = reviewOverLimit(account);
		String orderNumber = orderNumberOf(reviewOrder(reviewId));

		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/api/support/credit-reviews").with(as("sara", "CUSTOMER_SERVICE")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.id == '" + reviewId + "')].orderNumber").value(orderNumber));
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/api/support/credit-reviews/" + reviewId).with(as("sara", "CUSTOMER_SERVICE")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.orderNumber").value(orderNumber));
	}

	@Test
	void releaseReservesTheCreditAndRecordsWhoDecidedWhenAndWhy() throws Exception {
		CreditAccount account = newAccount("1000.00");
		UUID reviewId = reviewOverLimit(account);

		decide(reviewId, "sara", "{\"decision\":\"RELEASE\",\"reason\":\"Pays on time, limit raise coming\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("RESERVED"))
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.closedBy").value("sara"))
			.andExpect(jsonPath("$.exposure").value("1050.00"))
			.andExpect(jsonPath("$.decisions[0].decision").value("RELEASE"))
			.andExpect(jsonPath("$.decisions[0].reason").value("Pays on time, limit raise coming"))
			.andExpect(jsonPath("$.decisions[0].decidedBy").value("sara"))
			.andExpect(jsonPath("$.decisions[0].decidedAt").isNotEmpty());

		assertThat(exposure(account.customerId())).isEqualByComparingTo("1050.00");
		assertThat(publishedFor(reviewOrder(reviewId), "leverans.credit.reserved.v1")).contains("\"decidedBy\":\"sara\"");
	}

	@Test
	void rejectDeclinesTheOrderWithThePersonsReason() throws Exception {
		CreditAccount account = newAccount("1000.00");
		UUID reviewId = reviewOverLimit(account);

		decide(reviewId, "admin", "{\"decision\":\"REJECT\",\"reason\":\"Overdue invoices\"}", "ADMIN")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("DECLINED"))
			.andExpect(jsonPath("$.status").value("DECLINED"));

		String declined = publishedFor(reviewOrder(reviewId), "leverans.credit.declined.v1");
		assertThat(declined).contains("OVER_LIMIT").contains("REJECTED_IN_REVIEW").contains("Overdue invoices")
			.contains("\"decidedBy\":\"admin\"");
		assertThat(exposure(account.customerId())).isEqualByComparingTo("800.00");
	}

	@Test
	void recheckReservesOnceTheBureauAnswersAgain() throws Exception {
		CreditAccount account = newAccount("1000.00");
		bureauStandIn.stubFor(get(urlPathEqualTo(ratingPath(account.businessId()))).atPriority(1)
			.willReturn(serverError()));
		OrderValidated order = validated(account.customerId(), "100.00", "EUR");
		this.assessment.assess(order);
		UUID reviewId = reviewOf(order);
		bureauRates(account.businessId(), "A");

		decide(reviewId, "sara", "{\"decision\":\"RECHECK\",\"reason\":\"bureau is back\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("RESERVED"))
			.andExpect(jsonPath("$.status").value("APPROVED"));
		assertThat(exposure(account.customerId())).isEqualByComparingTo("100.00");
	}

	@Test
	void recheckKeepsABorderlineCustomerInReview() throws Exception {
		CreditAccount account = newAccount("1000.00");
		bureauRates(account.businessId(), "C");
		OrderValidated order = validated(account.customerId(), "100.00", "EUR");
		this.assessment.assess(order);
		UUID reviewId = reviewOf(order);

		decide(reviewId, "sara", "{\"decision\":\"RECHECK\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("STILL_IN_REVIEW"))
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.reasons[0].code").value("RATING_TOO_LOW"))
			.andExpect(jsonPath("$.decisions[0].outcome").value("STILL_IN_REVIEW"));
	}

	@Test
	void decisionOnAReviewThatIsNoLongerOpenIsAConflict() throws Exception {
		CreditAccount account = newAccount("1000.00");
		UUID reviewId = reviewOverLimit(account);
		decide(reviewId, "sara", "{\"decision\":\"RELEASE\"}").andExpect(status().isOk());

		decide(reviewId, "sara", "{\"decision\":\"REJECT\",\"reason\":\"changed my mind\"}")
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:credit-review-closed"))
			.andExpect(jsonPath("$.status").value(409))
			.andExpect(jsonPath("$.detail").value(containsString("APPROVED")));
		assertThat(exposure(account.customerId())).isEqualByComparingTo("1050.00");
	}

	@Test
	void cancellingAHeldOrderWithdrawsItsReview() throws Exception {
		CreditAccount account = newAccount("1000.00");
		UUID reviewId = reviewOverLimit(account);
		UUID orderId = reviewOrder(reviewId);

		this.releases.cancelled(new OrderCancelled(orderId, "LV-9", account.customerId(), "anna", "not needed",
				Instant.now()));

		decide(reviewId, "sara", "{\"decision\":\"RELEASE\"}").andExpect(status().isConflict());
		assertThat(this.jdbc.queryForObject("SELECT status FROM credit_review WHERE id = ?", String.class, reviewId))
			.isEqualTo("WITHDRAWN");
	}

	@Test
	void unknownReviewIsNotFound() throws Exception {
		decide(UUID.randomUUID(), "sara", "{\"decision\":\"RELEASE\"}")
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:not-found"));
	}

	@Test
	void rejectingWithoutAReasonIsRefusedAndChangesNothing() throws Exception {
		CreditAccount account = newAccount("1000.00");
		UUID reviewId = reviewOverLimit(account);

		decide(reviewId, "sara", "{\"decision\":\"REJECT\"}")
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		assertThat(this.jdbc.queryForObject("SELECT status FROM credit_review WHERE id = ?", String.class, reviewId))
			.isEqualTo("OPEN");
	}

	@Test
	void unknownDecisionsAndUnknownFieldsAreBadRequestsNamingTheField() throws Exception {
		CreditAccount account = newAccount("1000.00");
		UUID reviewId = reviewOverLimit(account);

		decide(reviewId, "sara", "{\"decision\":\"MAYBE\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("decision"));
		decide(reviewId, "sara", "{\"decision\":\"RELEASE\",\"approvedBy\":\"boss\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("approvedBy"))
			.andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_FIELD"));
		decide(reviewId, "sara", "{\"decision\":")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:invalid-request"));
	}

	@Test
	void onlyCustomerServiceAndAdminsMayDecide() throws Exception {
		CreditAccount account = newAccount("1000.00");
		UUID reviewId = reviewOverLimit(account);

		decide(reviewId, "anna", "{\"decision\":\"RELEASE\"}", "ORDERER")
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:forbidden"));
		this.mvc.perform(post("/api/support/credit-reviews/" + reviewId + "/decision")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"RELEASE\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/api/support/credit-reviews").with(as("anna", "ORDERER")))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("SELECT status FROM credit_review WHERE id = ?", String.class, reviewId))
			.isEqualTo("OPEN");
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/api/support/credit-reviews?status=ALL").with(as("admin", "ADMIN")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", hasItem(reviewId.toString())));
	}

	/** 800.00 reserved, then an order of 250.00 over the 1000.00 limit but within the 10 % tolerance. */
	private UUID reviewOverLimit(CreditAccount account) {
		this.assessment.assess(validated(account.customerId(), "800.00", "EUR"));
		OrderValidated held = validated(account.customerId(), "250.00", "EUR");
		this.assessment.assess(held);
		return reviewOf(held);
	}

	private UUID reviewOf(OrderValidated order) {
		return this.jdbc.queryForObject("SELECT id FROM credit_review WHERE order_id = ?", UUID.class,
				order.orderId());
	}

	private UUID reviewOrder(UUID reviewId) {
		return this.jdbc.queryForObject("SELECT order_id FROM credit_review WHERE id = ?", UUID.class, reviewId);
	}

	private String publishedFor(UUID orderId, String type) {
		return this.jdbc.queryForObject(
				"SELECT payload FROM messaging.outbox_event WHERE record_key = ? AND type = ? ORDER BY id DESC LIMIT 1",
				String.class, orderId.toString(), type);
	}

	private org.springframework.test.web.servlet.ResultActions decide(UUID reviewId, String subject, String body,
			String... roles) throws Exception {
		return this.mvc.perform(post("/api/support/credit-reviews/" + reviewId + "/decision")
			.with(as(subject, (roles.length > 0) ? roles : new String[] { "CUSTOMER_SERVICE" }))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}
}

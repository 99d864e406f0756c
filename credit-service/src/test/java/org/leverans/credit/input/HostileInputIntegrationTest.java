package org.leverans.credit.input;

import java.net.URI;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.credit.account.CreditAccount;
import org.leverans.credit.decision.CreditAssessment;
import org.leverans.credit.testing.CreditServiceIntegrationTest;
import org.leverans.testsupport.hostile.HostileBodies;
import org.leverans.testsupport.hostile.HostileQueries;
import org.leverans.testsupport.hostile.HostileRequests;
import org.leverans.testsupport.hostile.StoredRows;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Every public POST and PUT of credit-service, given hostile bodies generated from a valid one: never a 5xx, a
 * problem on every 4xx, and nothing stored when refused. The rows watched are those of the test's own customer, so
 * events other tests left on the broker cannot move them.
 */
class HostileInputIntegrationTest extends CreditServiceIntegrationTest {

	private static final int TRIES = 30;

	@Autowired
	DataSource dataSource;

	@Autowired
	CreditAssessment assessment;

	@Test
	void openingAnAccountSurvivesHostileBodies() {
		UUID customer = UUID.randomUUID();
		assertSafe("""
				{"customerId":"%s","businessId":"FI%s","companyName":"Betoni Oy","currency":"EUR",
				 "limit":"5000.00","expiresOn":null}""".formatted(customer, customer.toString().substring(0, 7)),
				post("/api/admin/credit-accounts"), customer, "ADMIN");
	}

	@Test
	void changingLimitAndBlockingSurviveHostileBodies() {
		CreditAccount account = newAccount("1000.00");
		UUID customer = account.customerId();
		assertSafe("{\"limit\":\"60000.00\",\"expiresOn\":\"2099-06-30\"}",
				put("/api/admin/credit-accounts/{id}/limit", customer), customer, "ADMIN");
		assertSafe("{\"reason\":\"Overdue invoices\"}", post("/api/admin/credit-accounts/{id}/block", customer),
				customer, "ADMIN");
	}

	@Test
	void reviewDecisionsSurviveHostileBodies() {
		CreditAccount account = newAccount("1000.00");
		this.assessment.assess(validated(account.customerId(), "800.00", "EUR"));
		OrderValidated held = validated(account.customerId(), "250.00", "EUR");
		this.assessment.assess(held);
		UUID review = this.jdbc.queryForObject("SELECT id FROM credit_review WHERE order_id = ?", UUID.class,
				held.orderId());
		assertSafe("{\"decision\":\"REJECT\",\"reason\":\"Too much\\nat once\"}",
				post("/api/support/credit-reviews/{id}/decision", review), account.customerId(), "CUSTOMER_SERVICE");
	}

	private void assertSafe(String valid, MockHttpServletRequestBuilder request, UUID customer, String role) {
		String own = "'" + customer + "'";
		StoredRows rows = StoredRows.of(this.dataSource,
				"(SELECT * FROM credit_account WHERE customer_id = " + own + ")",
				"(SELECT * FROM reservation WHERE customer_id = " + own + ")",
				"(SELECT * FROM credit_review WHERE customer_id = " + own + ")",
				"(SELECT a.* FROM credit_review_action a JOIN credit_review r ON r.id = a.review_id WHERE r.customer_id = "
						+ own + ")")
			.counting("credit_account");
		HostileRequests.assertSafe(HostileBodies.of(valid), TRIES,
				body -> this.mvc.perform(request.with(as("admin", role)).contentType(MediaType.APPLICATION_JSON)
					.content(body)),
				rows::fingerprint);
	}

	@Test
	void theReviewQueueSurvivesHostileQueries() {
		HostileRequests.assertSafeQueries(HostileQueries.of("status=OPEN"), TRIES,
				query -> this.mvc.perform(get(URI.create("/api/support/credit-reviews?" + query))
					.with(as("sara", "CUSTOMER_SERVICE"))));
	}
}

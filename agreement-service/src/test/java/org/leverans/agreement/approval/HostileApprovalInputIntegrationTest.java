package org.leverans.agreement.approval;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.leverans.agreement.IntegrationTest;
import org.leverans.testsupport.hostile.HostileBodies;
import org.leverans.testsupport.hostile.HostileRequests;
import org.leverans.testsupport.hostile.HostileRequests.Send;
import org.leverans.testsupport.hostile.StoredRows;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The spending limit and approval endpoints given hostile bodies generated from valid ones: never a 5xx, a problem
 * on every 4xx, and nothing stored when refused. On a company of its own, so a limit a mutation happens to set
 * holds up nobody else's orders.
 */
class HostileApprovalInputIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	DataSource dataSource;

	@Test
	void limitsAndDecisionsSurviveHostileBodies() throws Exception {
		ApprovalCompany company = ApprovalCompany.create(this.mvc, this.json);
		StoredRows rows = StoredRows.of(this.dataSource, "spending_limit", "order_approval", "order_spend")
			.counting("messaging.outbox_event");
		assertSafe("{\"orderLimit\":\"1000.00\",\"monthlyBudget\":\"5000.00\"}",
				() -> put("/api/approval-limits/orderers/olli"), company, rows);
		assertSafe("{\"orderLimit\":\"1000.00\"}", () -> put("/api/approval-limits/sites/{id}", company.siteId()),
				company, rows);
		assertSafe("{\"decision\":\"REJECT\",\"reason\":\"Too much\"}",
				() -> post("/api/approvals/{id}/decision", UUID.randomUUID()), company, rows);
	}

	private void assertSafe(String valid, java.util.function.Supplier<MockHttpServletRequestBuilder> request,
			ApprovalCompany company, StoredRows rows) {
		Send send = body -> this.mvc.perform(request.get().with(company.boss()).contentType(MediaType.APPLICATION_JSON)
			.content(body));
		HostileRequests.assertSafe(HostileBodies.of(valid), 30, send, rows::fingerprint);
	}
}

package org.leverans.credit.web;

import org.junit.jupiter.api.Test;
import org.leverans.credit.testing.CreditServiceIntegrationTest;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ServiceEndpointsIntegrationTest extends CreditServiceIntegrationTest {

	@Test
	void publishesItsOpenApiDocumentWithoutAToken() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/support/credit-reviews/{id}/decision']").exists())
			.andExpect(jsonPath("$.paths['/api/admin/credit-accounts/{customerId}/limit']").exists());
	}

	@Test
	void healthIsOpenAndEverythingElseNeedsAToken() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		this.mvc.perform(get("/api/admin/credit-accounts"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:unauthorized"));
		this.mvc.perform(get("/api/nothing-here").with(as("admin", "ADMIN")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:not-found"));
	}
}

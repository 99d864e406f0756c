package org.leverans.billing.web;

import org.junit.jupiter.api.Test;
import org.leverans.billing.testing.BillingServiceIntegrationTest;
import org.leverans.testsupport.metrics.Scrape;
import org.leverans.testsupport.security.TestCaller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ServiceEndpointsIntegrationTest extends BillingServiceIntegrationTest {

	@Test
	void publishesItsOpenApiDocumentWithoutAToken() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/invoices/{id}/pdf']").exists())
			.andExpect(jsonPath("$.paths['/api/admin/billing/payments/camt054']").exists());
	}

	@Test
	void healthIsOpenAndEverythingElseNeedsAToken() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		this.mvc.perform(get("/api/invoices"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:unauthorized"));
		this.mvc.perform(get("/api/support/billing/payments").with(as(TestCaller.orderer("anna",
				java.util.UUID.randomUUID()))))
			.andExpect(status().isForbidden());
	}

	@Test
	void prometheusScrapeIsOpenOnTheServicesOwnPort() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		String body = this.mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Scrape scrape = Scrape.of(body);
		assertThat(scrape.value("http_server_requests_seconds_count", "uri", "/actuator/health"))
			.hasValueSatisfying(count -> assertThat(count).isGreaterThanOrEqualTo(1));
		assertThat(scrape.value("hikaricp_connections_max", "application", "billing-service"))
			.hasValueSatisfying(max -> assertThat(max).isPositive());
		assertThat(scrape.value("leverans_outbox_backlog")).isPresent();
	}
}

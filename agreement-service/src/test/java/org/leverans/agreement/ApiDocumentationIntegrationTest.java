package org.leverans.agreement;

import org.junit.jupiter.api.Test;
import org.leverans.testsupport.metrics.Scrape;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ApiDocumentationIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void publishesTheOpenApiDocumentWithoutAToken() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.info.title").value("Leverans agreement-service"))
			.andExpect(jsonPath("$.paths['/api/catalog'].get", notNullValue()))
			.andExpect(jsonPath("$.paths['/api/agreements/current'].get", notNullValue()))
			.andExpect(jsonPath("$.paths['/api/catalog/quote'].post", notNullValue()))
			.andExpect(jsonPath("$.paths['/api/admin/agreements'].post", notNullValue()));
	}

	@Test
	void healthIsOpen() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
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
		assertThat(scrape.value("hikaricp_connections_max", "application", "agreement-service"))
			.hasValueSatisfying(max -> assertThat(max).isPositive());
		assertThat(scrape.value("leverans_outbox_backlog")).isPresent();
	}
}

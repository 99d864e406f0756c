package org.leverans.agreement;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

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
}

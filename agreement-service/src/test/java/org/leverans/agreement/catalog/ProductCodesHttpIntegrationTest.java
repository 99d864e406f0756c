package org.leverans.agreement.catalog;

import org.junit.jupiter.api.Test;
import org.leverans.agreement.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The product code check order-service asks before it takes an order: which codes the catalogue does not know. */
class ProductCodesHttpIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void namesTheCodesTheCatalogueDoesNotKnowMatchingCaseInsensitively() throws Exception {
		this.mvc.perform(post("/api/catalog/codes").with(token("anna", RAKENNUS, "ORDERER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"skus\":[\"CEM-25KG\",\"ply-18mm\",\"NOPE-1\",\"NOPE-1\"]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unknown", hasSize(1)))
			.andExpect(jsonPath("$.unknown[0]").value("NOPE-1"));
	}

	@Test
	void aCodeOutsideTheCustomersAssortmentIsStillKnown() throws Exception {
		// Bygg AB may not order plywood, but the code exists: the validation says so, with its reason.
		this.mvc.perform(post("/api/catalog/codes").with(token("erik", BYGG, "ORDERER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"skus\":[\"PLY-18MM\"]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unknown", hasSize(0)));
	}

	@Test
	void customerServiceOrderingForACustomerMayAskTooForTheCodesAreTheWholeCatalogues() throws Exception {
		this.mvc.perform(post("/api/catalog/codes").with(token("sara", null, "CUSTOMER_SERVICE"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"skus\":[\"CEM-25KG\",\"NOPE-2\"]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unknown", hasSize(1)))
			.andExpect(jsonPath("$.unknown[0]").value("NOPE-2"));
	}

	@Test
	void refusesAQuestionWithoutCodesAndCallersWithoutACustomer() throws Exception {
		this.mvc.perform(post("/api/catalog/codes").with(token("anna", RAKENNUS, "ORDERER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"skus\":[]}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("skus"));
		this.mvc.perform(post("/api/catalog/codes").with(token("nordic-freight", null, "CARRIER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"skus\":[\"CEM-25KG\"]}"))
			.andExpect(status().isForbidden());
	}
}

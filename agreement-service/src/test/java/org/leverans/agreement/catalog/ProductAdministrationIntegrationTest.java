package org.leverans.agreement.catalog;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.agreement.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ProductAdministrationIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void adminAddsAProductThatBuyersThenFindAtTheirPrices() throws Exception {
		String sku = "SAND-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		this.mvc.perform(post("/api/admin/products").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"sku":"%s","name":"Joint sand 25 kg","group":"CEMENT","unit":"BAG","listPrice":"5.00",
					 "packageSizes":["PALLET"],"availableInDays":3,"weightKg":"25.0"}""".formatted(sku)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/admin/products/" + sku))
			.andExpect(jsonPath("$.listPrice").value("5.00"))
			.andExpect(jsonPath("$.weightKg").value("25"));

		this.mvc.perform(get("/api/catalog").param("q", sku).with(token("erik", BYGG, "ORDERER")))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].listPrice").value("56.00"))
			.andExpect(jsonPath("$.items[0].price").value("53.20"));

		this.mvc.perform(put("/api/admin/products/" + sku.toLowerCase()).with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"Joint sand 25 kg","group":"CEMENT","unit":"BAG","listPrice":"6.00",
					 "packageSizes":["PALLET","HALF_PALLET"],"availableInDays":0}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sku").value(sku));
		this.mvc.perform(get("/api/admin/products/" + sku).with(admin()))
			.andExpect(jsonPath("$.listPrice").value("6.00"))
			.andExpect(jsonPath("$.availableInDays").value(0))
			// a change that leaves the weight out keeps it
			.andExpect(jsonPath("$.weightKg").value("25"));
	}

	@Test
	void refusesADuplicateCodeWhateverItsCase() throws Exception {
		this.mvc.perform(post("/api/admin/products").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"sku":"cem-25kg","name":"Cement again","group":"CEMENT","unit":"BAG","listPrice":"1.00",
					 "packageSizes":["PALLET"],"availableInDays":0}"""))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("sku"));
	}

	@Test
	void refusesUnknownGroupAndNonPositivePrice() throws Exception {
		this.mvc.perform(post("/api/admin/products").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"sku":"X-1","name":"X","group":"CEMENT","unit":"BAG","listPrice":"0",
					 "packageSizes":["PALLET"],"availableInDays":0}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("listPrice"));
		this.mvc.perform(post("/api/admin/products").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"sku":"X-1","name":"X","group":"GARDEN","unit":"BAG","listPrice":"1.00",
					 "packageSizes":["PALLET"],"availableInDays":0}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("group"));
		this.mvc.perform(put("/api/admin/products/NOPE-1").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"X","group":"CEMENT","unit":"BAG","listPrice":"1.00",
					 "packageSizes":["PALLET"],"availableInDays":0}"""))
			.andExpect(status().isNotFound());
	}

	@Test
	void ordererMayNotChangeTheCatalogue() throws Exception {
		this.mvc.perform(get("/api/admin/products").with(token("anna", RAKENNUS, "ORDERER")))
			.andExpect(status().isForbidden());
	}

	private static RequestPostProcessor admin() {
		return token("admin", null, "ADMIN");
	}
}

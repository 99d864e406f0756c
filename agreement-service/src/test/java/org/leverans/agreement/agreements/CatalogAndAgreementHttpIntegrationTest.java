package org.leverans.agreement.agreements;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.leverans.agreement.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The buyer's agreement and catalogue over HTTP, each customer seeing only its own. */
class CatalogAndAgreementHttpIntegrationTest extends IntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void ordererSeesTheCurrentAgreementOfTheirCompany() throws Exception {
		this.mvc.perform(get("/api/agreements/current").with(token("anna", RAKENNUS, "ORDERER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(RAKENNUS_AGREEMENT.toString()))
			.andExpect(jsonPath("$.number").value("AG-2026-0001"))
			.andExpect(jsonPath("$.customerId").value(RAKENNUS.toString()))
			.andExpect(jsonPath("$.customerName").value("Rakennus Oy"))
			.andExpect(jsonPath("$.validFrom").value("2026-01-01"))
			.andExpect(jsonPath("$.validTo").doesNotExist())
			.andExpect(jsonPath("$.currency").value("EUR"))
			.andExpect(jsonPath("$.paymentTerms.code").value("NET_30"))
			.andExpect(jsonPath("$.paymentTerms.days").value(30))
			.andExpect(jsonPath("$.freightTerms.code").value("FREE_OVER"))
			.andExpect(jsonPath("$.freightTerms.threshold").value("2000.00"))
			.andExpect(jsonPath("$.freightTerms.fee").value("95.00"))
			.andExpect(jsonPath("$.deliveryOptions.splitDeliveryAllowed").value(true))
			.andExpect(jsonPath("$.deliveryOptions.multipleSitesAllowed").value(true))
			.andExpect(jsonPath("$.deliveryOptions.packageSizes", containsInAnyOrder("PARCEL", "HALF_PALLET", "PALLET")))
			.andExpect(jsonPath("$.deliveryOptions.minLeadTimeDays").value(1))
			.andExpect(jsonPath("$.deliveryOptions.slots[0].from").value("07:00"))
			.andExpect(jsonPath("$.deliveryOptions.slots[0].to").value("09:00"))
			.andExpect(jsonPath("$.sites", hasSize(3)))
			.andExpect(jsonPath("$.sites[?(@.id == '" + JATKASAARI + "')].name").value("Site Jätkäsaari"))
			.andExpect(jsonPath("$.sites[?(@.id == '" + JATKASAARI + "')].address.city").value("Helsinki"))
			.andExpect(jsonPath("$.sites[?(@.id == '" + JATKASAARI + "')].receiver.name").value("Mikko Nieminen"))
			.andExpect(jsonPath("$.priceList").doesNotExist());
	}

	@Test
	void agreementManagerAlsoSeesThePriceList() throws Exception {
		this.mvc.perform(get("/api/agreements/current").with(token("liisa", RAKENNUS, "AGREEMENT_MANAGER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.priceList.contractPrices[0].sku").value("CEM-25KG"))
			.andExpect(jsonPath("$.priceList.contractPrices[0].price").value("8.40"))
			.andExpect(jsonPath("$.priceList.groupDiscounts[0].group").value("TIMBER"))
			.andExpect(jsonPath("$.priceList.groupDiscounts[0].percent").value("10"));
	}

	@Test
	void byggSeesItsOwnRestrictedAgreement() throws Exception {
		this.mvc.perform(get("/api/agreements/current").with(token("erik", BYGG, "ORDERER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.number").value("AG-2026-0002"))
			.andExpect(jsonPath("$.currency").value("SEK"))
			.andExpect(jsonPath("$.freightTerms.code").value("FLAT"))
			.andExpect(jsonPath("$.freightTerms.fee").value("450.00"))
			.andExpect(jsonPath("$.deliveryOptions.splitDeliveryAllowed").value(false))
			.andExpect(jsonPath("$.deliveryOptions.multipleSitesAllowed").value(false))
			.andExpect(jsonPath("$.deliveryOptions.minLeadTimeDays").value(2))
			.andExpect(jsonPath("$.assortmentGroups", containsInAnyOrder("CEMENT", "TIMBER", "FASTENERS")))
			.andExpect(jsonPath("$.sites", hasSize(1)))
			.andExpect(jsonPath("$.sites[0].id").value(HAMMARBY.toString()));
	}

	@Test
	void kiviPaysFreightByWeightBelowTheThreshold() throws Exception {
		this.mvc.perform(get("/api/agreements/current").with(token("kalle", KIVI, "ORDERER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.number").value("AG-2026-0003"))
			.andExpect(jsonPath("$.freightTerms.code").value("FREE_OVER"))
			.andExpect(jsonPath("$.freightTerms.threshold").value("5000.00"))
			.andExpect(jsonPath("$.freightTerms.ratePerKg").value("0.12"))
			.andExpect(jsonPath("$.freightTerms.minimumFee").value("120.00"))
			.andExpect(jsonPath("$.freightTerms.fee").doesNotExist());
	}

	@Test
	void receiverOfRakennusOnlyEverSeesItsOwnAgreement() throws Exception {
		this.mvc.perform(get("/api/agreements/current").with(token("mikko", RAKENNUS, "RECEIVER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.number").value("AG-2026-0001"));
		this.mvc.perform(get("/api/agreements/" + BYGG_AGREEMENT).with(token("mikko", RAKENNUS, "RECEIVER")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404));
		this.mvc.perform(get("/api/agreements/" + RAKENNUS_AGREEMENT).with(token("mikko", RAKENNUS, "RECEIVER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customerName").value("Rakennus Oy"));
	}

	@Test
	void buyerTokenWithoutCustomerIsForbidden() throws Exception {
		this.mvc.perform(get("/api/agreements/current").with(token("anna", null, "ORDERER")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void rakennusFindsProductsByNameWithItsContractPrice() throws Exception {
		this.mvc.perform(get("/api/catalog").param("q", "cement").with(token("anna", RAKENNUS, "ORDERER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(20))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[?(@.sku == 'CEM-25KG')].name").value("Cement 25 kg"))
			.andExpect(jsonPath("$.items[?(@.sku == 'CEM-25KG')].group").value("CEMENT"))
			.andExpect(jsonPath("$.items[?(@.sku == 'CEM-25KG')].unit").value("BAG"))
			.andExpect(jsonPath("$.items[?(@.sku == 'CEM-25KG')].listPrice").value("9.90"))
			.andExpect(jsonPath("$.items[?(@.sku == 'CEM-25KG')].price").value("8.40"))
			.andExpect(jsonPath("$.items[?(@.sku == 'CEM-25KG')].currency").value("EUR"))
			.andExpect(jsonPath("$.items[?(@.sku == 'CEM-25KG')].availableFrom").value(today().toString()))
			.andExpect(jsonPath("$.items[?(@.sku == 'CEM-25KG')].weightKg").value("25"));
	}

	@Test
	void rakennusFindsProductsByCodeWhateverTheCase() throws Exception {
		this.mvc.perform(get("/api/catalog").param("q", "tim-48").with(token("anna", RAKENNUS, "ORDERER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.items[?(@.sku == 'TIM-48x98')].price").value("2.12"))
			.andExpect(jsonPath("$.items[?(@.sku == 'TIM-48x198')].availableFrom").value(today().plusDays(10).toString()));
	}

	@Test
	void pagesThroughTheWholeCatalogue() throws Exception {
		this.mvc.perform(get("/api/catalog").param("page", "1").param("size", "10").with(token("liisa", RAKENNUS,
				"AGREEMENT_MANAGER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.size").value(10))
			// other tests may add products to the shared catalogue
			.andExpect(jsonPath("$.total").value(productCount("SELECT count(*) FROM product")))
			.andExpect(jsonPath("$.items", hasSize(10)));
	}

	@Test
	void byggSeesOnlyItsAssortmentInSek() throws Exception {
		this.mvc.perform(get("/api/catalog").param("size", "100").with(token("erik", BYGG, "ORDERER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(productCount(
					"SELECT count(*) FROM product WHERE product_group IN ('CEMENT', 'TIMBER', 'FASTENERS')")))
			.andExpect(jsonPath("$.items[*].group", everyItem(in(new String[] { "CEMENT", "TIMBER", "FASTENERS" }))))
			.andExpect(jsonPath("$.items[*].currency", everyItem(in(new String[] { "SEK" }))))
			.andExpect(jsonPath("$.items[?(@.sku == 'CEM-25KG')].listPrice").value("110.88"))
			.andExpect(jsonPath("$.items[?(@.sku == 'CEM-25KG')].price").value("105.34"))
			.andExpect(jsonPath("$.items[?(@.sku == 'SCREW-5x50')].packageSizes[*]").value("HALF_PALLET"));
		this.mvc.perform(get("/api/catalog").param("q", "plywood").with(token("erik", BYGG, "ORDERER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0))
			.andExpect(jsonPath("$.items", hasSize(0)));
	}

	@Test
	void listsProductTheAgreementCannotDeliverAsNotOrderableWithTheReason() throws Exception {
		// Anchor bolts come only as parcels; Bygg AB's agreement delivers pallets and half pallets.
		this.mvc.perform(get("/api/catalog").param("q", "anchor").with(token("erik", BYGG, "ORDERER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.sku == 'ANCHOR-M10')].packageSizes[*]", hasSize(0)))
			.andExpect(jsonPath("$.items[?(@.sku == 'ANCHOR-M10')].orderable").value(false))
			.andExpect(jsonPath("$.items[?(@.sku == 'ANCHOR-M10')].notOrderable.code")
				.value("PACKAGE_SIZE_NOT_ALLOWED"))
			.andExpect(jsonPath("$.items[?(@.sku == 'ANCHOR-M10')].notOrderable.message")
				.value(hasItem(containsString("PARCEL"))));
		this.mvc.perform(get("/api/catalog").param("q", "anchor").with(token("anna", RAKENNUS, "ORDERER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.sku == 'ANCHOR-M10')].orderable").value(true))
			.andExpect(jsonPath("$.items[?(@.sku == 'ANCHOR-M10')].notOrderable").value(hasItem(nullValue())));
	}

	@Test
	void receiverMayNotBrowseTheCatalogue() throws Exception {
		this.mvc.perform(get("/api/catalog").with(token("mikko", RAKENNUS, "RECEIVER")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Forbidden"));
	}

	@Test
	void callerWithoutTokenIsUnauthorized() throws Exception {
		this.mvc.perform(get("/api/catalog"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:leverans:problem:unauthorized"))
			.andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void rejectsPageSizeOutOfRangeNamingTheParameter() throws Exception {
		this.mvc.perform(get("/api/catalog").param("size", "1000").with(token("anna", RAKENNUS, "ORDERER")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("size"))
			.andExpect(jsonPath("$.errors[0].code").value("TOO_LARGE"));
		this.mvc.perform(get("/api/catalog").param("page", "first").with(token("anna", RAKENNUS, "ORDERER")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"))
			.andExpect(jsonPath("$.errors[0].code").value("INVALID_VALUE"));
	}

	private int productCount(String sql) {
		int count = this.jdbc.sql(sql).query(Integer.class).single();
		assertThat(count).as("demo catalogue").isGreaterThanOrEqualTo(16);
		return count;
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Europe/Helsinki"));
	}
}

package org.leverans.agreement.input;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leverans.agreement.IntegrationTest;
import org.leverans.testsupport.hostile.HostileBodies;
import org.leverans.testsupport.hostile.HostileQueries;
import org.leverans.testsupport.hostile.HostileRequests;
import org.leverans.testsupport.hostile.StoredRows;
import org.leverans.testsupport.hostile.HostileRequests.Send;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * Every public POST and PUT of agreement-service, given hostile bodies generated from a valid one: never a 5xx, a
 * problem on every 4xx, and nothing stored when refused.
 */
class HostileInputIntegrationTest extends IntegrationTest {

	private static final int TRIES = 30;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	DataSource dataSource;

	private StoredRows rows;

	@BeforeEach
	void watchEveryTable() {
		this.rows = StoredRows.of(this.dataSource, "customer", "delivery_site", "product", "agreement",
				"agreement_version", "agreement_site", "agreement_price", "agreement_group_discount", "agreement_member")
			.counting("messaging.outbox_event");
	}

	@Test
	void quotesAndCodeChecksSurviveHostileBodies() {
		assertSafe("""
				{"deliveryMode":"SPLIT_ALLOWED","requestedDelivery":{"date":"%s","from":"07:00","to":"09:00"},
				 "lines":[{"lineNo":1,"sku":"CEM-25KG","quantity":40,"packageSize":"PALLET","siteId":"%s"}]}"""
			.formatted(LocalDate.now().plusDays(10), JATKASAARI), () -> post("/api/catalog/quote"), anna());
		assertSafe("{\"skus\":[\"CEM-25KG\",\"PLY-18MM\"]}", () -> post("/api/catalog/codes"), anna());
	}

	@Test
	void productAdministrationSurvivesHostileBodies() throws Exception {
		String sku = "SAND-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String product = """
				{"sku":"%s","name":"Joint sand 25 kg","group":"CEMENT","unit":"BAG","listPrice":"5.00",
				 "packageSizes":["PALLET"],"availableInDays":3,"weightKg":"25.0"}""".formatted(sku);
		assertSafe(product, () -> post("/api/admin/products"), admin());
		// the test's own product, so the demo catalogue other tests price with stays as it is
		String own = "SAND-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		this.mvc.perform(post("/api/admin/products").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(product.replace(sku, own)))
			.andExpect(MockMvcResultMatchers.status().isCreated());
		assertSafe(product.replace("\"sku\":\"" + sku + "\",", ""), () -> put("/api/admin/products/{sku}", own),
				admin());
	}

	@Test
	void customerAndAgreementAdministrationSurviveHostileBodies() throws Exception {
		assertSafe(customer(), () -> post("/api/admin/customers"), admin());
		Customer customer = newCustomer();
		assertSafe("""
				{"customerId":"%s","currency":"EUR","validFrom":"%s","terms":%s}"""
			.formatted(customer.id(), today(), terms(customer)), () -> post("/api/admin/agreements"), admin());
		Customer owner = newCustomer();
		UUID agreement = newAgreement(owner);
		assertSafe("{\"effectiveFrom\":\"%s\",\"terms\":%s}".formatted(today().plusDays(5), terms(owner)),
				() -> post("/api/admin/agreements/{id}/versions", agreement), admin());
		assertSafe("{\"username\":\"ville\",\"name\":\"Ville Virta\",\"role\":\"ORDERER\"}",
				() -> post("/api/admin/agreements/{id}/members", agreement), admin());
		assertSafe("{\"validTo\":\"%s\"}".formatted(today().plusDays(400)),
				() -> post("/api/admin/agreements/{id}/end", agreement), admin());
	}

	@Test
	void refusesNulInCatalogueSearchAndProductPath() throws Exception {
		this.mvc.perform(get("/api/catalog?q={q}", "cem\u0000").with(anna()))
			.andExpect(MockMvcResultMatchers.status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("q"))
			.andExpect(jsonPath("$.errors[0].code").value("CONTROL_CHARACTER"));
		this.mvc.perform(get("/api/admin/products/{sku}", "CEM\u0000").with(admin()))
			.andExpect(MockMvcResultMatchers.status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("url"));
	}

	private void assertSafe(String valid, java.util.function.Supplier<MockHttpServletRequestBuilder> request,
			JwtRequestPostProcessor caller) {
		Send send = body -> this.mvc.perform(request.get().with(caller).contentType(MediaType.APPLICATION_JSON)
			.content(body));
		HostileRequests.assertSafe(HostileBodies.of(valid), TRIES, send, this.rows::fingerprint);
	}

	private record Customer(UUID id, UUID siteId) {
	}

	private Customer newCustomer() throws Exception {
		var created = this.mvc.perform(post("/api/admin/customers").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(customer()))
			.andExpect(MockMvcResultMatchers.status().isCreated())
			.andReturn();
		var body = this.json.readTree(created.getResponse().getContentAsString());
		return new Customer(UUID.fromString(body.get("id").asString()),
				UUID.fromString(body.get("sites").get(0).get("id").asString()));
	}

	private UUID newAgreement(Customer customer) throws Exception {
		var created = this.mvc.perform(post("/api/admin/agreements").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"customerId\":\"%s\",\"currency\":\"EUR\",\"validFrom\":\"%s\",\"terms\":%s}"
				.formatted(customer.id(), today(), terms(customer))))
			.andExpect(MockMvcResultMatchers.status().isCreated())
			.andReturn();
		return UUID.fromString(this.json.readTree(created.getResponse().getContentAsString()).get("id").asString());
	}

	private static String customer() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		return """
				{"name":"Betoni %s Oy","businessId":"FI%s","countryCode":"FI","timeZone":"Europe/Helsinki",
				 "sites":[{"name":"Site Espoo","street":"Keilaranta 1","postalCode":"02150","city":"Espoo",
				           "countryCode":"FI","receiverName":"Ville Virta","receiverPhone":"+358 40 000 0000"}]}"""
			.formatted(unique, unique);
	}

	private static String terms(Customer customer) {
		return """
				{"paymentTerms":{"code":"NET_45","days":45},
				 "freightTerms":{"code":"FREE_OVER","threshold":"1000.00","fee":"80.00"},
				 "deliveryOptions":{"splitDeliveryAllowed":true,"multipleSitesAllowed":false,
				                    "packageSizes":["HALF_PALLET","PALLET"],"minLeadTimeDays":1,
				                    "slots":[{"from":"07:00","to":"12:00"}]},
				 "siteIds":["%s"],"assortmentGroups":["CEMENT"],
				 "contractPrices":[{"sku":"CEM-25KG","price":"8.10"}],
				 "groupDiscounts":[{"group":"TIMBER","percent":"7.5"}]}"""
			.formatted(customer.siteId());
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Europe/Helsinki"));
	}

	private static JwtRequestPostProcessor anna() {
		return token("anna", RAKENNUS, "ORDERER");
	}

	private static JwtRequestPostProcessor admin() {
		return token("admin", null, "ADMIN");
	}

	@Test
	void catalogueAndProductSearchesSurviveHostileQueries() {
		HostileRequests.assertSafeQueries(HostileQueries.of("q=cem&page=0&size=20"), TRIES,
				query -> this.mvc.perform(get(URI.create("/api/catalog?" + query)).with(anna())));
		HostileRequests.assertSafeQueries(HostileQueries.of("q=CEM&page=0&size=50"), TRIES,
				query -> this.mvc.perform(get(URI.create("/api/admin/products?" + query)).with(admin())));
	}
}

package org.leverans.agreement.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.leverans.agreement.IntegrationTest;
import org.leverans.contracts.Topics;
import org.leverans.contracts.agreement.AgreementActivated;
import org.leverans.contracts.agreement.AgreementChanged;
import org.leverans.contracts.agreement.AgreementEnded;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderLine;
import org.leverans.contracts.order.OrderPlaced;
import org.leverans.contracts.order.RequestedDelivery;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.contracts.validation.OrderValidationFailed;
import org.leverans.testsupport.events.EventProducer;
import org.leverans.testsupport.events.TopicProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The supplier admin's customers and agreements, and what a change of agreement means for orders. */
class AgreementAdministrationIntegrationTest extends IntegrationTest {

	static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void adminSeesCustomersWithTheirSitesAndAgreements() throws Exception {
		this.mvc.perform(get("/api/admin/customers").with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].businessId", hasItem("FI12345678")))
			.andExpect(jsonPath("$[*].businessId", hasItem("SE5566778899")))
			.andExpect(jsonPath("$[*].businessId", hasItem("FI87654321")));
		this.mvc.perform(get("/api/admin/customers/" + RAKENNUS).with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Rakennus Oy"))
			.andExpect(jsonPath("$.sites", hasSize(3)))
			.andExpect(jsonPath("$.agreements[0].number").value("AG-2026-0001"));
		this.mvc.perform(get("/api/admin/agreements/" + BYGG_AGREEMENT).with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.number").value("AG-2026-0002"))
			.andExpect(jsonPath("$.priceList.listPriceRate").value("11.2"))
			.andExpect(jsonPath("$.priceList.groupDiscounts[0].group").value("CEMENT"))
			.andExpect(jsonPath("$.versions[0].version").value(1));
	}

	@Test
	void unknownCustomerIsNotFound() throws Exception {
		this.mvc.perform(get("/api/admin/customers/" + UUID.randomUUID()).with(admin()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void buyersMayNotUseTheAdminApi() throws Exception {
		this.mvc.perform(get("/api/admin/customers").with(token("anna", RAKENNUS, "ORDERER")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(post("/api/admin/agreements").with(token("liisa", RAKENNUS, "AGREEMENT_MANAGER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isForbidden());
	}

	@Test
	void newAgreementIsAnnouncedAndPricesTheCustomersOrders() throws Exception {
		NewCustomer customer = newCustomer();
		MvcResult created = this.mvc.perform(post("/api/admin/agreements").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(agreement(customer, today().minusDays(30), "8.00")))
			.andExpect(status().isCreated())
			.andExpect(header().exists("Location"))
			.andExpect(jsonPath("$.customerName").value(customer.name()))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.priceList.contractPrices[0].price").value("8.00"))
			.andExpect(jsonPath("$.invoicingRule").value("PER_SHIPMENT"))
			.andReturn();
		UUID agreementId = id(created);

		ConsumerRecord<String, byte[]> record = TopicProbe.awaitAll(Topics.AGREEMENT, agreementId).get(0);
		assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("leverans.agreement.activated.v1");
		AgreementActivated activated = this.json.readValue(record.value(), AgreementActivated.class);
		assertThat(activated.customerId()).isEqualTo(customer.id());
		assertThat(activated.version()).isEqualTo(1);
		assertThat(activated.validFrom()).isEqualTo(today().minusDays(30));
		assertThat(activated.sites()).singleElement().satisfies(site -> {
			assertThat(site.siteId()).isEqualTo(customer.siteId());
			assertThat(site.name()).isEqualTo("Site Espoo");
			assertThat(site.city()).isEqualTo("Espoo");
			assertThat(site.receiverName()).isEqualTo("Ville Virta");
		});

		OrderValidated validated = validate(customer, Instant.now(), OrderValidated.class);
		assertThat(validated.agreementId()).isEqualTo(agreementId);
		assertThat(validated.lines().get(0).unitPrice()).isEqualByComparingTo("8.00");
		assertThat(validated.totals().goods()).isEqualByComparingTo("80.00");
		assertThat(validated.totals().freight()).as("below the 1000.00 threshold").isEqualByComparingTo("80.00");
		assertThat(validated.paymentTerms().code()).isEqualTo("NET_45");
		assertThat(validated.invoicingRule()).as("the default rule").isEqualTo("PER_SHIPMENT");
	}

	@Test
	void monthlyInvoicingIsATermOfTheAgreementThatTravelsWithEachValidatedOrder() throws Exception {
		NewCustomer customer = newCustomer();
		String body = agreement(customer, today().minusDays(30), "8.00").replace("\"paymentTerms\"",
				"\"invoicingRule\":\"MONTHLY\",\"paymentTerms\"");
		UUID agreementId = id(this.mvc.perform(post("/api/admin/agreements").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.invoicingRule").value("MONTHLY"))
			.andReturn());

		this.mvc.perform(get("/api/admin/agreements/" + agreementId).with(admin()))
			.andExpect(jsonPath("$.invoicingRule").value("MONTHLY"));
		OrderValidated validated = validate(customer, Instant.now(), OrderValidated.class);
		assertThat(validated.agreementId()).isEqualTo(agreementId);
		assertThat(validated.invoicingRule()).isEqualTo("MONTHLY");
	}

	@Test
	void refusesAnUnknownInvoicingRuleAndStoresNothing() throws Exception {
		NewCustomer customer = newCustomer();
		String body = agreement(customer, today(), "8.00").replace("\"paymentTerms\"",
				"\"invoicingRule\":\"WEEKLY\",\"paymentTerms\"");
		this.mvc.perform(post("/api/admin/agreements").with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("terms.invoicingRule"));
		this.mvc.perform(get("/api/admin/customers/" + customer.id()).with(admin()))
			.andExpect(jsonPath("$.agreements", hasSize(0)));
	}

	@Test
	void changeTakesEffectFromItsDateAndOrdersArePricedByTheVersionInForceWhenPlaced() throws Exception {
		NewCustomer customer = newCustomer();
		UUID agreementId = id(this.mvc.perform(post("/api/admin/agreements").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(agreement(customer, today().minusDays(30), "8.00"))).andExpect(status().isCreated()).andReturn());

		this.mvc.perform(post("/api/admin/agreements/" + agreementId + "/versions").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"effectiveFrom\":\"" + today().plusDays(1) + "\",\"terms\":" + terms(customer, "7.00") + "}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/admin/agreements/" + agreementId + "/versions/2"))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.versions", hasSize(2)))
			.andExpect(jsonPath("$.versions[1].effectiveFrom").value(today().plusDays(1).toString()));

		List<ConsumerRecord<String, byte[]>> records = TopicProbe.awaitAll(Topics.AGREEMENT, agreementId);
		assertThat(records).extracting(r -> TopicProbe.header(r, "ce_type"))
			.containsExactly("leverans.agreement.activated.v1", "leverans.agreement.changed.v1");
		AgreementChanged changed = this.json.readValue(records.get(1).value(), AgreementChanged.class);
		assertThat(changed.version()).isEqualTo(2);
		assertThat(changed.effectiveFrom()).isEqualTo(today().plusDays(1));
		assertThat(changed.sites()).extracting(DeliverySite::siteId).containsExactly(customer.siteId());

		OrderValidated placedToday = validate(customer, Instant.now(), OrderValidated.class);
		assertThat(placedToday.agreementVersion()).isEqualTo(1);
		assertThat(placedToday.lines().get(0).unitPrice()).isEqualByComparingTo("8.00");
		OrderValidated placedTomorrow = validate(customer, Instant.now().plus(1, ChronoUnit.DAYS),
				OrderValidated.class);
		assertThat(placedTomorrow.agreementVersion()).isEqualTo(2);
		assertThat(placedTomorrow.lines().get(0).unitPrice()).isEqualByComparingTo("7.00");
	}

	@Test
	void endedAgreementRefusesOrdersPlacedAfterItsLastDay() throws Exception {
		NewCustomer customer = newCustomer();
		UUID agreementId = id(this.mvc.perform(post("/api/admin/agreements").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(agreement(customer, today().minusDays(30), "8.00"))).andExpect(status().isCreated()).andReturn());

		this.mvc.perform(post("/api/admin/agreements/" + agreementId + "/end").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"validTo\":\"" + today() + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.validTo").value(today().toString()));

		List<ConsumerRecord<String, byte[]>> records = TopicProbe.awaitAll(Topics.AGREEMENT, agreementId);
		assertThat(records).extracting(r -> TopicProbe.header(r, "ce_type")).contains("leverans.agreement.ended.v1");
		AgreementEnded ended = this.json.readValue(records.get(records.size() - 1).value(), AgreementEnded.class);
		assertThat(ended.validTo()).isEqualTo(today());
		assertThat(ended.sites()).extracting(DeliverySite::siteId).containsExactly(customer.siteId());

		assertThat(validate(customer, Instant.now(), OrderValidated.class).agreementId()).isEqualTo(agreementId);
		assertThat(validate(customer, Instant.now().plus(1, ChronoUnit.DAYS), OrderValidationFailed.class).reasons())
			.extracting(r -> r.code())
			.containsExactly("AGREEMENT_NOT_ACTIVE");
	}

	@Test
	void refusesASecondAgreementInTheSamePeriod() throws Exception {
		NewCustomer customer = newCustomer();
		this.mvc.perform(post("/api/admin/agreements").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(agreement(customer, today(), "8.00"))).andExpect(status().isCreated());
		this.mvc.perform(post("/api/admin/agreements").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(agreement(customer, today().plusDays(100), "8.00")))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].code").value("OVERLAPS"));
	}

	@Test
	void refusesInconsistentTermsNamingEachField() throws Exception {
		NewCustomer customer = newCustomer();
		String body = agreement(customer, today(), "8.00").replace("\"threshold\":\"1000.00\",", "")
			.replace(customer.siteId().toString(), JATKASAARI.toString())
			.replace("\"CEM-25KG\"", "\"NOPE-1\"");
		this.mvc.perform(post("/api/admin/agreements").with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", hasItem("terms.freightTerms.threshold")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("terms.siteIds[0]")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("terms.contractPrices[0].sku")));
		this.mvc.perform(get("/api/admin/customers/" + customer.id()).with(admin()))
			.andExpect(jsonPath("$.agreements", hasSize(0)));
	}

	@Test
	void weightBasedFreightPricesValidatedOrders() throws Exception {
		NewCustomer customer = newCustomer();
		String body = agreement(customer, today(), "8.00").replace(
				"\"freightTerms\":{\"code\":\"FREE_OVER\",\"threshold\":\"1000.00\",\"fee\":\"80.00\"}",
				"\"freightTerms\":{\"code\":\"WEIGHT\",\"ratePerKg\":\"0.30\",\"minimumFee\":\"50.00\"}");
		this.mvc.perform(post("/api/admin/agreements").with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.freightTerms.code").value("WEIGHT"))
			.andExpect(jsonPath("$.freightTerms.ratePerKg").value("0.3"))
			.andExpect(jsonPath("$.freightTerms.minimumFee").value("50.00"))
			.andExpect(jsonPath("$.freightTerms.threshold").doesNotExist());

		OrderValidated validated = validate(customer, Instant.now(), OrderValidated.class);
		// 10 bags × 25 kg × 0.30 EUR/kg
		assertThat(validated.totals().goods()).isEqualByComparingTo("80.00");
		assertThat(validated.totals().freight()).isEqualByComparingTo("75.00");
		assertThat(validated.freightTermsCode()).isEqualTo("WEIGHT");
	}

	@Test
	void refusesFreightTermsThatMixFeeAndRateNamingTheField() throws Exception {
		NewCustomer customer = newCustomer();
		String weightWithFee = agreement(customer, today(), "8.00").replace(
				"\"freightTerms\":{\"code\":\"FREE_OVER\",\"threshold\":\"1000.00\",\"fee\":\"80.00\"}",
				"\"freightTerms\":{\"code\":\"WEIGHT\",\"fee\":\"80.00\"}");
		this.mvc.perform(post("/api/admin/agreements").with(admin()).contentType(MediaType.APPLICATION_JSON)
			.content(weightWithFee))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[?(@.field == 'terms.freightTerms.ratePerKg')].code").value("REQUIRED"))
			.andExpect(jsonPath("$.errors[?(@.field == 'terms.freightTerms.fee')].code").value("NOT_ALLOWED"));
		String flatWithMinimum = agreement(customer, today(), "8.00").replace(
				"\"freightTerms\":{\"code\":\"FREE_OVER\",\"threshold\":\"1000.00\",\"fee\":\"80.00\"}",
				"\"freightTerms\":{\"code\":\"FLAT\",\"fee\":\"80.00\",\"minimumFee\":\"10.00\",\"ratePerKg\":\"-1\"}");
		this.mvc.perform(post("/api/admin/agreements").with(admin()).contentType(MediaType.APPLICATION_JSON)
			.content(flatWithMinimum))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("terms.freightTerms.ratePerKg")));
		this.mvc.perform(get("/api/admin/customers/" + customer.id()).with(admin()))
			.andExpect(jsonPath("$.agreements", hasSize(0)));
	}

	@Test
	void refusesMissingAndUnknownFields() throws Exception {
		this.mvc.perform(post("/api/admin/agreements").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"customerId\":\"" + RAKENNUS + "\",\"currency\":\"EUR\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItem("validFrom")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("terms")));
		this.mvc.perform(post("/api/admin/agreements/" + RAKENNUS_AGREEMENT + "/end").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"validTo\":\"2026-12-31\",\"reason\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].code").value("UNKNOWN_FIELD"));
		this.mvc.perform(post("/api/admin/agreements/" + RAKENNUS_AGREEMENT + "/end").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"validTo\":\"yesterday\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("validTo"));
	}

	@Test
	void refusesAChangeBackdatedBeforeToday() throws Exception {
		this.mvc.perform(post("/api/admin/agreements/" + RAKENNUS_AGREEMENT + "/versions").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"effectiveFrom\":\"" + today().minusDays(1) + "\",\"terms\":"
					+ terms(new NewCustomer(RAKENNUS, "Rakennus Oy", JATKASAARI), "1.00") + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("effectiveFrom"))
			.andExpect(jsonPath("$.errors[0].code").value("IN_THE_PAST"));
		this.mvc.perform(get("/api/admin/agreements/" + RAKENNUS_AGREEMENT).with(admin()))
			.andExpect(jsonPath("$.versions", hasSize(1)));
	}

	private <T> T validate(NewCustomer customer, Instant placedAt, Class<T> outcome) {
		UUID orderId = UUID.randomUUID();
		OrderPlaced order = new OrderPlaced(orderId, "LV-X", customer.id(), "buyer", placedAt, null,
				DeliveryMode.COMPLETE, new RequestedDelivery(today().plusDays(10), LocalTime.of(7, 0), LocalTime.of(9, 0)),
				List.of(new OrderLine(1, "CEM-25KG", 10, "PALLET", customer.siteId())), null);
		new EventProducer(this.json).publish(orderId, order);
		return this.json.readValue(TopicProbe.awaitAll(Topics.ORDER_VALIDATION, orderId).get(0).value(), outcome);
	}

	private NewCustomer newCustomer() throws Exception {
		String name = "Betoni " + UUID.randomUUID().toString().substring(0, 8) + " Oy";
		MvcResult created = this.mvc.perform(post("/api/admin/customers").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"%s","businessId":"FI%s","countryCode":"FI","timeZone":"Europe/Helsinki",
					 "sites":[{"name":"Site Espoo","street":"Keilaranta 1","postalCode":"02150","city":"Espoo",
					           "countryCode":"FI","receiverName":"Ville Virta","receiverPhone":"+358 40 000 0000"}]}"""
				.formatted(name, UUID.randomUUID().toString().substring(0, 8))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.sites", hasSize(1)))
			.andReturn();
		JsonNode body = this.json.readTree(created.getResponse().getContentAsString());
		return new NewCustomer(UUID.fromString(body.get("id").asString()), name,
				UUID.fromString(body.get("sites").get(0).get("id").asString()));
	}

	private static String agreement(NewCustomer customer, LocalDate validFrom, String cementPrice) {
		return """
				{"customerId":"%s","currency":"EUR","validFrom":"%s","terms":%s}"""
			.formatted(customer.id(), validFrom, terms(customer, cementPrice));
	}

	private static String terms(NewCustomer customer, String cementPrice) {
		return """
				{"paymentTerms":{"code":"NET_45","days":45},
				 "freightTerms":{"code":"FREE_OVER","threshold":"1000.00","fee":"80.00"},
				 "deliveryOptions":{"splitDeliveryAllowed":true,"multipleSitesAllowed":false,
				                    "packageSizes":["HALF_PALLET","PALLET"],"minLeadTimeDays":1,
				                    "slots":[{"from":"07:00","to":"12:00"}]},
				 "siteIds":["%s"],
				 "contractPrices":[{"sku":"CEM-25KG","price":"%s"}],
				 "groupDiscounts":[{"group":"TIMBER","percent":"7.5"}]}"""
			.formatted(customer.siteId(), cementPrice);
	}

	private UUID id(MvcResult result) throws Exception {
		return UUID.fromString(this.json.readTree(result.getResponse().getContentAsString()).get("id").asString());
	}

	private static LocalDate today() {
		return LocalDate.now(HELSINKI);
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
		return token("admin", null, "ADMIN");
	}

	record NewCustomer(UUID id, String name, UUID siteId) {
	}
}

package org.leverans.agreement.admin;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.leverans.agreement.IntegrationTest;
import org.leverans.contracts.Topics;
import org.leverans.contracts.agreement.AgreementActivated;
import org.leverans.contracts.agreement.AgreementChanged;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.testsupport.events.TopicProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Agreements the agreement topic never named the sites of (seeded by SQL, or announced before events carried
 * sites) are announced once, with their sites, so consumers keeping sites from events learn all of them.
 */
class AgreementBackfillIntegrationTest extends IntegrationTest {

	@Autowired
	AgreementBackfill backfill;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void demoAgreementsSeededBySqlAreAnnouncedWithTheirSitesAtStart() {
		List<ConsumerRecord<String, byte[]>> records = TopicProbe.awaitAll(Topics.AGREEMENT, RAKENNUS_AGREEMENT);

		assertThat(TopicProbe.header(records.getFirst(), "ce_type")).isEqualTo("leverans.agreement.activated.v1");
		AgreementActivated activated = this.json.readValue(records.getFirst().value(), AgreementActivated.class);
		assertThat(activated.customerId()).isEqualTo(RAKENNUS);
		assertThat(activated.number()).isEqualTo("AG-2026-0001");
		assertThat(activated.sites()).extracting(DeliverySite::name)
			.containsExactlyInAnyOrder("Site Jätkäsaari", "Site Pasila", "Vantaa warehouse");
		assertThat(activated.sites()).filteredOn(site -> site.siteId().equals(JATKASAARI))
			.singleElement()
			.satisfies(site -> assertThat(site.countryCode()).isEqualTo("FI"));
	}

	@Test
	void anAgreementAnnouncedBeforeEventsCarriedSitesIsToldAgainOnceWithEveryVersionsSites() throws Exception {
		UUID customer = newCustomer();
		UUID site = siteOf(customer);
		UUID agreementId = newAgreement(customer, site);
		addVersion(agreementId, site);
		// As an agreement created before the migration stands: announced, but without sites.
		this.jdbc.sql("UPDATE agreement SET sites_announced_at = NULL WHERE id = ?").param(agreementId).update();

		assertThat(this.backfill.announceAll()).isOne();
		assertThat(this.backfill.announceAll()).as("once is enough").isZero();

		List<ConsumerRecord<String, byte[]>> records = TopicProbe.awaitAll(Topics.AGREEMENT, agreementId);
		assertThat(records).extracting(r -> TopicProbe.header(r, "ce_type"))
			.containsExactly("leverans.agreement.activated.v1", "leverans.agreement.changed.v1",
					"leverans.agreement.activated.v1", "leverans.agreement.changed.v1");
		AgreementActivated first = this.json.readValue(records.get(2).value(), AgreementActivated.class);
		AgreementChanged second = this.json.readValue(records.get(3).value(), AgreementChanged.class);
		assertThat(first.version()).isEqualTo(1);
		assertThat(first.sites()).extracting(DeliverySite::siteId).containsExactly(site);
		assertThat(second.version()).isEqualTo(2);
		assertThat(second.effectiveFrom()).isEqualTo(today().plusDays(1));
		assertThat(second.sites()).extracting(DeliverySite::siteId).containsExactly(site);
	}

	private UUID newCustomer() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		return id(this.mvc.perform(post("/api/admin/customers").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"Laatta %s Oy","businessId":"FI%s","countryCode":"FI","timeZone":"Europe/Helsinki",
					 "sites":[{"name":"Site Oulu","street":"Kirkkokatu 1","postalCode":"90100","city":"Oulu",
					           "countryCode":"FI","receiverName":"Aino Aalto","receiverPhone":"+358 40 111 1111"}]}"""
				.formatted(suffix, suffix)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private UUID siteOf(UUID customer) {
		return this.jdbc.sql("SELECT id FROM delivery_site WHERE customer_id = ?")
			.param(customer)
			.query(UUID.class)
			.single();
	}

	private UUID newAgreement(UUID customer, UUID site) throws Exception {
		return id(this.mvc.perform(post("/api/admin/agreements").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"customerId":"%s","currency":"EUR","validFrom":"%s","terms":%s}"""
				.formatted(customer, today().minusDays(10), terms(site))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private void addVersion(UUID agreementId, UUID site) throws Exception {
		this.mvc.perform(post("/api/admin/agreements/" + agreementId + "/versions").with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"effectiveFrom\":\"" + today().plusDays(1) + "\",\"terms\":" + terms(site) + "}"))
			.andExpect(status().isCreated());
	}

	private static String terms(UUID site) {
		return """
				{"paymentTerms":{"code":"NET_30","days":30},"freightTerms":{"code":"FLAT","fee":"50.00"},
				 "deliveryOptions":{"splitDeliveryAllowed":true,"multipleSitesAllowed":false,
				                    "packageSizes":["PALLET"],"minLeadTimeDays":1,
				                    "slots":[{"from":"07:00","to":"12:00"}]},
				 "siteIds":["%s"]}""".formatted(site);
	}

	private UUID id(String body) {
		JsonNode node = this.json.readTree(body);
		return UUID.fromString(node.get("id").asString());
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Europe/Helsinki"));
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
		return token("admin", null, "ADMIN");
	}
}

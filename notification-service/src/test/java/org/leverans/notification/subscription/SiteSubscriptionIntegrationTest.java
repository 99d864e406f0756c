package org.leverans.notification.subscription;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.Reason;
import org.leverans.contracts.Topics;
import org.leverans.contracts.agreement.AgreementActivated;
import org.leverans.contracts.agreement.AgreementChanged;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.TestEvents;
import org.leverans.notification.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SiteSubscriptionIntegrationTest extends IntegrationTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	ConsumerFactory<?, ?> consumers;

	private final UUID customer = UUID.randomUUID();

	private final UUID site = UUID.randomUUID();

	private final UUID otherSite = UUID.randomUUID();

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private final String receiver = TestTokens.person("receiver-" + this.suffix, List.of("RECEIVER"), this.customer,
			List.of(this.site), "receiver-" + this.suffix + "@site.example", "fi", Duration.ofMinutes(10));

	private final String manager = TestTokens.person("manager-" + this.suffix, List.of("AGREEMENT_MANAGER"),
			this.customer, List.of(), null, null, Duration.ofMinutes(10));

	@Test
	void receiverChoosesForHisSiteAndTheAgreementManagerSeesIt() {
		HttpResponse<String> defaults = call("GET", "/api/subscriptions/sites/" + this.site, this.receiver, null);
		assertThat(defaults.statusCode()).isEqualTo(200);
		JsonNode view = json.readTree(defaults.body());
		assertThat(view.get("arrivalLeadMinutes").asInt()).isEqualTo(30);
		assertThat(view.get("defaults").get("email").asBoolean()).isTrue();
		assertThat(view.get("channels").get("email").toString()).contains("shipment.arriving");

		String orderer = TestTokens.person("orderer-" + this.suffix, List.of("ORDERER"), this.customer, List.of(),
				"orderer-" + this.suffix + "@site.example", "en", Duration.ofMinutes(10));
		call("GET", "/api/subscriptions/me", orderer, null);
		HttpResponse<String> chosen = call("PUT", "/api/subscriptions/sites/" + this.site, this.receiver,
				"{\"channels\":{\"email\":[\"shipment.arriving\",\"shipment.exception\"]},\"arrivalLeadMinutes\":45,"
						+ "\"alsoNotify\":[\"orderer-" + this.suffix + "\"]}");
		assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);

		JsonNode seen = json.readTree(call("GET", "/api/subscriptions/sites/" + this.site, this.manager, null).body());
		assertThat(seen.get("arrivalLeadMinutes").asInt()).isEqualTo(45);
		assertThat(seen.get("channels").get("email").toString()).contains("shipment.arriving", "shipment.exception")
			.doesNotContain("shipment.delivered");
		assertThat(seen.get("alsoNotify").get(0).asString()).isEqualTo("orderer-" + this.suffix);
		assertThat(seen.get("updatedBy").asString()).isEqualTo("receiver-" + this.suffix);
	}

	@Test
	void agreementManagerChoosesForASiteOfTheAgreementBeforeAnyOrderNamesIt() {
		UUID newSite = UUID.randomUUID();
		agreementNames(newSite, "Site Kalasatama");

		HttpResponse<String> defaults = call("GET", "/api/subscriptions/sites/" + newSite, this.manager, null);
		assertThat(defaults.statusCode()).as(defaults.body()).isEqualTo(200);
		HttpResponse<String> chosen = call("PUT", "/api/subscriptions/sites/" + newSite, this.manager,
				"{\"arrivalLeadMinutes\":60}");
		assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
		assertThat(json.readTree(chosen.body()).get("arrivalLeadMinutes").asInt()).isEqualTo(60);
		assertThat(this.jdbc.queryForObject("SELECT customer_id FROM site_subscription WHERE site_id = ?", UUID.class,
				newSite)).isEqualTo(this.customer);

		// A site the agreement does not list stays unknown.
		assertThat(call("GET", "/api/subscriptions/sites/" + UUID.randomUUID(), this.manager, null).statusCode())
			.isEqualTo(404);
	}

	@Test
	void aSiteOfAnotherCustomersAgreementIsNotFound() {
		UUID othersSite = UUID.randomUUID();
		AgreementActivated others = new AgreementActivated(UUID.randomUUID(), "AG-X", UUID.randomUUID(), 1,
				LocalDate.of(2026, 1, 1), null, LocalDate.of(2026, 1, 1), List.of(site(othersSite, "Site Oulu")));
		events().publish(others.agreementId(), others);
		await().atMost(WAIT).until(() -> known(othersSite));

		HttpResponse<String> response = call("PUT", "/api/subscriptions/sites/" + othersSite, this.manager,
				"{\"arrivalLeadMinutes\":60}");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json.readTree(response.body()).get("type").asString()).isEqualTo("urn:leverans:problem:not-found");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM site_subscription WHERE site_id = ?", Integer.class,
				othersSite)).isZero();
	}

	@Test
	void aLaterAgreementVersionTeachesItsNewSitesAndAnEventWithoutSitesTeachesNothing() {
		UUID agreementId = UUID.randomUUID();
		UUID addedLater = UUID.randomUUID();
		// As agreement-service wrote its events before they carried sites: applied, nothing learnt, not dead-lettered.
		events().publish(agreementId, new AgreementActivated(agreementId, "AG-Y", this.customer, 1,
				LocalDate.of(2026, 1, 1), null, LocalDate.of(2026, 1, 1), null));
		events().publish(agreementId, new AgreementChanged(agreementId, "AG-Y", this.customer, 2,
				LocalDate.of(2026, 1, 1), null, LocalDate.of(2026, 6, 1), List.of(site(addedLater, "Site Vuosaari"))));
		await().atMost(WAIT).until(() -> known(addedLater));

		assertThat(call("GET", "/api/subscriptions/sites/" + addedLater, this.manager, null).statusCode())
			.isEqualTo(200);
		assertThat(this.jdbc.queryForObject("SELECT name FROM agreement_site WHERE site_id = ?", String.class,
				addedLater)).isEqualTo("Site Vuosaari");
	}

	@Test
	void anotherCustomersSiteAndAnotherSiteOfTheReceiversOwnCustomerAreNotFoundAndAnOrdererIsForbidden() {
		call("GET", "/api/subscriptions/me", this.receiver, null);
		String stranger = TestTokens.person("stranger-" + this.suffix, List.of("AGREEMENT_MANAGER"), UUID.randomUUID(),
				List.of(), null, null, Duration.ofMinutes(10));
		HttpResponse<String> notFound = call("PUT", "/api/subscriptions/sites/" + this.site, stranger,
				"{\"arrivalLeadMinutes\":60}");
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertThat(json.readTree(notFound.body()).get("type").asString()).isEqualTo("urn:leverans:problem:not-found");
		assertThat(call("GET", "/api/subscriptions/sites/" + UUID.randomUUID(), this.manager, null).statusCode())
			.isEqualTo(404);

		// A site of the same customer that this receiver does not receive at: as unknown to him as another's.
		String colleague = TestTokens.person("colleague-" + this.suffix, List.of("RECEIVER"), this.customer,
				List.of(this.otherSite), null, null, Duration.ofMinutes(10));
		call("GET", "/api/subscriptions/me", colleague, null);
		HttpResponse<String> anotherSite = call("PUT", "/api/subscriptions/sites/" + this.otherSite, this.receiver,
				"{\"arrivalLeadMinutes\":60}");
		assertThat(anotherSite.statusCode()).isEqualTo(404);
		assertThat(json.readTree(anotherSite.body()).get("type").asString())
			.isEqualTo("urn:leverans:problem:not-found");
		assertThat(call("GET", "/api/subscriptions/sites/" + this.otherSite, this.receiver, null).statusCode())
			.isEqualTo(404);

		// An orderer may not choose for any site: 403 whether the site is of their own customer, another's or none.
		String orderer = TestTokens.orderer("orderer-" + this.suffix, this.customer);
		String ordererElsewhere = TestTokens.orderer("elsewhere-" + this.suffix, UUID.randomUUID());
		assertThat(call("PUT", "/api/subscriptions/sites/" + this.site, orderer, "{}").statusCode()).isEqualTo(403);
		HttpResponse<String> forbidden = call("GET", "/api/subscriptions/sites/" + this.site, ordererElsewhere, null);
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(json.readTree(forbidden.body()).get("type").asString()).isEqualTo("urn:leverans:problem:forbidden");
		assertThat(call("GET", "/api/subscriptions/sites/not-a-site", ordererElsewhere, null).statusCode())
			.isEqualTo(403);
		assertStoredNothing(this.site);
		assertStoredNothing(this.otherSite);
	}

	@Test
	void badSiteSubscriptionsAreProblemsNamingTheFieldAndStoreNothing() {
		call("GET", "/api/subscriptions/me", this.receiver, null);
		HttpResponse<String> bad = call("PUT", "/api/subscriptions/sites/" + this.site, this.manager,
				"{\"channels\":{\"email\":[\"shipment.arriving\",\"shipment.teleported\"],\"live\":[],\"sms\":[]},"
						+ "\"arrivalLeadMinutes\":241,\"alsoNotify\":[\"nobody-" + this.suffix + "\"]}");
		assertThat(bad.statusCode()).isEqualTo(400);
		JsonNode problem = json.readTree(bad.body());
		assertThat(problem.get("type").asString()).isEqualTo("urn:leverans:problem:invalid-request");
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("channels.email[1]",
				"channels.live", "channels.sms", "arrivalLeadMinutes", "alsoNotify[0]");
		assertThat(problem.get("errors").findValuesAsString("code")).contains("UNKNOWN_EVENT", "CHANNEL_NOT_HERE",
				"UNKNOWN_CHANNEL", "OUT_OF_RANGE", "UNKNOWN_PERSON");

		assertThat(call("PUT", "/api/subscriptions/sites/" + this.site, this.manager, "{\"arrivalLeadMinutes\":4}")
			.statusCode()).isEqualTo(400);
		HttpResponse<String> notAnId = call("PUT", "/api/subscriptions/sites/jatkasaari", this.manager, "{}");
		assertThat(notAnId.statusCode()).isEqualTo(400);
		assertThat(json.readTree(notAnId.body()).get("errors").get(0).get("field").asString()).isEqualTo("siteId");
		HttpResponse<String> unknownField = call("PUT", "/api/subscriptions/sites/" + this.site, this.manager,
				"{\"leadMinutes\":30}");
		assertThat(unknownField.statusCode()).isEqualTo(400);
		assertThat(json.readTree(unknownField.body()).get("errors").get(0).get("field").asString())
			.isEqualTo("leadMinutes");
		assertStoredNothing(this.site);
	}

	private void assertStoredNothing(UUID siteId) {
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM site_subscription WHERE site_id = ?", Integer.class,
				siteId)).isZero();
	}
	/**
	 * How a deployment that ran before agreement events carried sites learns them: the consumer group meets the
	 * agreement topic for the first time and reads it from its beginning, so events published before it listened
	 * (agreement-service's one-off announcements among them) still arrive.
	 */
	@Test
	void aConsumerGroupNewToTheAgreementTopicReadsWhatWasPublishedBeforeIt() {
		UUID agreementId = UUID.randomUUID();
		List<DeliverySite> sites = List.of(site(UUID.randomUUID(), "Site Pori"));
		events().publish(agreementId, new AgreementActivated(agreementId, "AG-Z", this.customer, 1,
				LocalDate.of(2026, 1, 1), null, LocalDate.of(2026, 1, 1), sites));

		try (Consumer<?, ?> late = this.consumers.createConsumer("late-" + UUID.randomUUID(), null)) {
			late.subscribe(List.of(Topics.AGREEMENT));
			List<String> keys = new ArrayList<>();
			await().atMost(WAIT).until(() -> {
				late.poll(Duration.ofMillis(200)).forEach(record -> keys.add(String.valueOf(record.key())));
				return keys.contains(agreementId.toString());
			});
		}
	}

	/** The customer's agreement names the site, as agreement-service announces it. */
	private void agreementNames(UUID siteId, String name) {
		AgreementActivated activated = new AgreementActivated(UUID.randomUUID(), "AG-" + this.suffix, this.customer, 1,
				LocalDate.of(2026, 1, 1), null, LocalDate.of(2026, 1, 1), List.of(site(siteId, name)));
		events().publish(activated.agreementId(), activated);
		await().atMost(WAIT).until(() -> known(siteId));
	}

	private boolean known(UUID siteId) {
		return this.jdbc.queryForObject("SELECT count(*) FROM agreement_site WHERE site_id = ?", Integer.class,
				siteId) == 1;
	}

	private static DeliverySite site(UUID id, String name) {
		return new DeliverySite(id, name, "Street 1", "00100", "Helsinki", "FI", "Mikko", "+358 40 1234567");
	}

	@Test
	void anOrderNamingAnotherCustomersSiteDoesNotMakeTheSiteTheirs() {
		UUID intruder = UUID.randomUUID();
		UUID orderId = UUID.randomUUID();
		String intrudersManager = TestTokens.person("intruder-" + this.suffix, List.of("AGREEMENT_MANAGER"), intruder,
				List.of(), null, null, Duration.ofMinutes(10));
		// The receiver's token makes the site this customer's.
		assertThat(call("GET", "/api/subscriptions/sites/" + this.site, this.receiver, null).statusCode())
			.isEqualTo(200);

		// Another customer places an order naming that site; agreement-service rejects it as not in its agreement.
		events().publish(orderId, TestEvents.placed(orderId, intruder, this.site));
		events().publish(orderId, TestEvents.rejected(orderId, intruder, Reason.of("SITE_NOT_IN_AGREEMENT", "No")));
		await().atMost(WAIT).until(() -> rowsAbout(orderId) == 2);

		assertThat(call("GET", "/api/subscriptions/sites/" + this.site, intrudersManager, null).statusCode())
			.isEqualTo(404);
		assertThat(call("PUT", "/api/subscriptions/sites/" + this.site, intrudersManager,
				"{\"channels\":{\"email\":[]}}").statusCode()).isEqualTo(404);
	}
}

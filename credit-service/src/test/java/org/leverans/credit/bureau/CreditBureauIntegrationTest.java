package org.leverans.credit.bureau;

import java.time.Duration;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.leverans.credit.testing.CreditServiceIntegrationTest;
import org.leverans.testsupport.metrics.Scrape;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The bureau client against a WireMock bureau (2 attempts, 2 s per attempt, circuit of 4 calls in tests). */
class CreditBureauIntegrationTest extends CreditServiceIntegrationTest {

	@Autowired
	CreditBureauHealthIndicator health;

	@Test
	void readsTheRatingAndAnswersRepeatedQuestionsFromTheCache() {
		bureauStandIn.stubFor(get(urlPathEqualTo(ratingPath("FI12345678"))).atPriority(1)
			.willReturn(okJson("""
					{"businessId":"FI12345678","companyName":"Rakennus Oy","rating":"B","score":72,
					 "paymentDefaults":[{"registeredOn":"2025-04-01","creditor":"Sementti Oy","amount":"1200.00",
					   "currency":"EUR","settled":true,"settledOn":"2025-05-02"}],"checkedAt":"2026-11-20T10:00:00Z"}""")));

		BureauRating first = this.bureau.rating("FI12345678");
		BureauRating second = this.bureau.rating("FI12345678");

		assertThat(first).isInstanceOfSatisfying(BureauRating.Rated.class, rated -> {
			assertThat(rated.rating()).isEqualTo("B");
			assertThat(rated.score()).isEqualTo(72);
			assertThat(rated.companyName()).isEqualTo("Rakennus Oy");
			assertThat(rated.paymentDefaults()).singleElement().satisfies(paymentDefault -> {
				assertThat(paymentDefault.registeredOn()).isEqualTo(java.time.LocalDate.of(2025, 4, 1));
				assertThat(paymentDefault.amount()).isEqualByComparingTo("1200.00");
				assertThat(paymentDefault.settled()).isTrue();
			});
		});
		assertThat(second).isEqualTo(first);
		bureauStandIn.verify(1, getRequestedFor(urlPathEqualTo(ratingPath("FI12345678"))));
	}

	@Test
	void bureauCallsAndTheResilienceAroundThemAreMeasured() throws Exception {
		bureauStandIn.stubFor(get(urlPathEqualTo(ratingPath("FI00000042"))).atPriority(1)
			.willReturn(ratingAnswer("A", 88)));

		assertThat(this.bureau.rating("FI00000042")).isInstanceOf(BureauRating.Rated.class);

		Scrape scrape = Scrape.of(this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/actuator/prometheus")).andReturn().getResponse().getContentAsString());
		assertThat(scrape.value("http_client_requests_seconds_count", "uri", "/v1/companies/{businessId}/rating"))
			.hasValueSatisfying(count -> assertThat(count).isGreaterThanOrEqualTo(1));
		assertThat(scrape.samples("resilience4j_circuitbreaker_state", "name", "credit-bureau")).isNotEmpty();
		assertThat(scrape.value("resilience4j_bulkhead_max_allowed_concurrent_calls", "name", "credit-bureau"))
			.hasValueSatisfying(max -> assertThat(max).isPositive());
		assertThat(scrape.value("resilience4j_retry_calls_total", "name", "credit-bureau")).isPresent();
	}

	@Test
	void unknownCompanyIsNotRetried() {
		bureauStandIn.stubFor(get(urlPathEqualTo(ratingPath("FI00000001"))).atPriority(1).willReturn(notFound()));

		assertThat(this.bureau.rating("FI00000001")).isEqualTo(new BureauRating.UnknownCompany("FI00000001"));
		bureauStandIn.verify(1, getRequestedFor(urlPathEqualTo(ratingPath("FI00000001"))));
	}

	@Test
	void retriesATransientServerErrorAndUsesTheNextAnswer() {
		bureauStandIn.stubFor(get(urlPathEqualTo(ratingPath("FI00000002"))).atPriority(1)
			.inScenario("flaky").whenScenarioStateIs(STARTED).willReturn(serviceUnavailable())
			.willSetStateTo("recovered"));
		bureauStandIn.stubFor(get(urlPathEqualTo(ratingPath("FI00000002"))).atPriority(1)
			.inScenario("flaky").whenScenarioStateIs("recovered").willReturn(ratingAnswer("A", 90)));

		assertThat(this.bureau.rating("FI00000002")).isInstanceOf(BureauRating.Rated.class);
		bureauStandIn.verify(2, getRequestedFor(urlPathEqualTo(ratingPath("FI00000002"))));
	}

	@Test
	void retriesADroppedConnection() {
		bureauStandIn.stubFor(get(urlPathEqualTo(ratingPath("FI00000003"))).atPriority(1)
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThat(this.bureau.rating("FI00000003")).isInstanceOf(BureauRating.Unavailable.class);
		bureauStandIn.verify(2, getRequestedFor(urlPathEqualTo(ratingPath("FI00000003"))));
	}

	@Test
	void slowAnswerIsAbandonedAndNotCached() {
		bureauStandIn.stubFor(get(urlPathEqualTo(ratingPath("FI00000004"))).atPriority(1)
			.willReturn(ratingAnswer("A", 90).withFixedDelay(8_000)));

		long started = System.nanoTime();
		BureauRating answer = this.bureau.rating("FI00000004");

		assertThat(answer).isInstanceOf(BureauRating.Unavailable.class);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(7));
		bureauStandIn.verify(2, getRequestedFor(urlPathEqualTo(ratingPath("FI00000004"))));

		bureauRates("FI00000004", "B");
		assertThat(this.bureau.rating("FI00000004")).isInstanceOf(BureauRating.Rated.class);
	}

	@Test
	void malformedAnswerIsUnavailableWithoutRetrying() {
		bureauStandIn.stubFor(get(urlPathEqualTo(ratingPath("FI00000005"))).atPriority(1)
			.willReturn(okJson("{\"rating\":\"E\",\"score\":\"lots\"")));
		bureauStandIn.stubFor(get(urlPathEqualTo(ratingPath("FI00000006"))).atPriority(1)
			.willReturn(okJson("{\"businessId\":\"FI00000006\",\"rating\":\"Z\",\"score\":50}")));

		assertThat(this.bureau.rating("FI00000005")).isInstanceOf(BureauRating.Unavailable.class);
		assertThat(this.bureau.rating("FI00000006")).isInstanceOfSatisfying(BureauRating.Unavailable.class,
				unavailable -> assertThat(unavailable.why()).contains("rating"));
		bureauStandIn.verify(1, getRequestedFor(urlPathEqualTo(ratingPath("FI00000005"))));
		bureauStandIn.verify(1, getRequestedFor(urlPathEqualTo(ratingPath("FI00000006"))));
	}

	@Test
	void outageOpensTheCircuitAndTheBureauIsAskedAgainAfterItRecovers() {
		bureauStandIn.stubFor(get(urlPathMatching("/v1/companies/[^/]+/rating")).atPriority(1)
			.willReturn(serverError()));

		// two companies, two attempts each: four failures fill the window and open the circuit
		assertThat(this.bureau.rating("FI00000007")).isInstanceOf(BureauRating.Unavailable.class);
		assertThat(this.bureau.rating("FI00000008")).isInstanceOf(BureauRating.Unavailable.class);
		assertThat(BureauTestAccess.circuitState(this.bureau)).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(this.health.health().getDetails()).containsEntry("circuit", "OPEN");
		assertThat(this.health.health().getStatus().getCode()).isEqualTo("UP");
		int askedWhileClosed = bureauStandIn.getAllServeEvents().size();

		BureauRating whileOpen = this.bureau.rating("FI00000009");
		assertThat(whileOpen).isInstanceOfSatisfying(BureauRating.Unavailable.class,
				unavailable -> assertThat(unavailable.why()).contains("circuit breaker is open"));
		assertThat(bureauStandIn.getAllServeEvents()).hasSize(askedWhileClosed);

		bureauStandIn.resetAll();
		bureauStandIn.stubFor(get(urlPathMatching("/v1/companies/[^/]+/rating")).willReturn(ratingAnswer("A", 91)));
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.bureau.rating("FI00000009") instanceof BureauRating.Rated);
		assertThat(this.bureau.rating("FI00000010")).isInstanceOf(BureauRating.Rated.class);
		assertThat(BureauTestAccess.circuitState(this.bureau)).isEqualTo(CircuitBreaker.State.CLOSED);
	}
}

package org.leverans.credit.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.leverans.contracts.Topics;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.contracts.validation.PaymentTerms;
import org.leverans.contracts.validation.Totals;
import org.leverans.credit.account.CreditAccount;
import org.leverans.credit.account.CreditAccounts;
import org.leverans.credit.bureau.BureauTestAccess;
import org.leverans.credit.bureau.CreditBureau;
import org.leverans.testsupport.events.CloudEventRecord;
import org.leverans.testsupport.events.EventProducer;
import org.leverans.testsupport.events.TopicRecorder;
import org.leverans.testsupport.infrastructure.StandIns;
import org.leverans.testsupport.infrastructure.TestInfrastructure;
import org.leverans.testsupport.security.TestCaller;
import org.leverans.testsupport.security.TestJwts;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * One Spring context for every integration test of the module: real PostgreSQL and Kafka, and an in-process
 * WireMock standing in for the credit bureau. Each test makes its own customers, so tests do not share accounts.
 */
@SpringBootTest(properties = { "leverans.messaging.retry-interval=50ms", "leverans.messaging.relay-interval=100ms",
		"leverans.credit.bureau.timeout=2s", "leverans.credit.bureau.connect-timeout=1s",
		"leverans.credit.bureau.retry.max-attempts=2", "leverans.credit.bureau.retry.initial-backoff=20ms",
		"leverans.credit.bureau.circuit-breaker.sliding-window-size=4",
		"leverans.credit.bureau.circuit-breaker.minimum-calls=4",
		"leverans.credit.bureau.circuit-breaker.wait-in-open=1s",
		"leverans.credit.bureau.circuit-breaker.slow-call-duration=5s",
		"spring.flyway.locations=classpath:db/migration,classpath:db/demo" })
@AutoConfigureMockMvc
public abstract class CreditServiceIntegrationTest {

	protected static final WireMockServer bureauStandIn = StandIns.wireMock("credit-bureau");

	/** Everything this service publishes on its topic during the run, by order id. */
	protected static final TopicRecorder creditEvents = TopicRecorder.of(Topics.CREDIT);

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "credit");
		registry.add("leverans.credit.bureau.url", bureauStandIn::baseUrl);
	}

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected CreditAccounts accounts;

	@Autowired
	protected CreditBureau bureau;

	@Autowired
	protected JsonMapper json;

	@Autowired
	protected TransactionTemplate transactions;

	@BeforeEach
	void freshBureau() {
		bureauStandIn.resetAll();
		// Any company not stubbed otherwise is rated A.
		bureauStandIn.stubFor(get(urlPathMatching("/v1/companies/[^/]+/rating")).atPriority(10)
			.willReturn(ratingAnswer("A", 88)));
		BureauTestAccess.reset(this.bureau);
	}

	@AfterAll
	static void keepBureauForNextClass() {
		bureauStandIn.resetAll();
	}

	protected static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ratingAnswer(String rating,
			int score, String... paymentDefaults) {
		StringBuilder defaults = new StringBuilder();
		for (String paymentDefault : paymentDefaults) {
			defaults.append(defaults.isEmpty() ? "" : ",").append('"').append(paymentDefault).append('"');
		}
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"businessId\":\"X\",\"companyName\":\"Test Oy\",\"rating\":\"" + rating + "\",\"score\":"
					+ score + ",\"paymentDefaults\":[" + defaults + "],\"checkedAt\":\"2026-11-22T08:00:00Z\"}");
	}

	protected static void bureauRates(String businessId, String rating) {
		bureauStandIn.stubFor(get(urlPathEqualTo(ratingPath(businessId))).atPriority(1)
			.willReturn(ratingAnswer(rating, 50)));
	}

	protected static String ratingPath(String businessId) {
		return "/v1/companies/" + businessId + "/rating";
	}

	protected CreditAccount newAccount(String limit) {
		return newAccount(limit, "EUR");
	}

	protected CreditAccount newAccount(String limit, String currency) {
		String businessId = "FI" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
		CreditAccount account = new CreditAccount(UUID.randomUUID(), businessId, "Test " + businessId, currency,
				new BigDecimal(limit), BigDecimal.ZERO, null, false, null);
		this.transactions.executeWithoutResult(status -> this.accounts.create(account, "test", Instant.now()));
		return account;
	}

	protected static OrderValidated validated(UUID customerId, String total, String currency) {
		return validated(UUID.randomUUID(), customerId, total, currency);
	}

	protected static OrderValidated validated(UUID orderId, UUID customerId, String total, String currency) {
		BigDecimal amount = new BigDecimal(total);
		return new OrderValidated(orderId, customerId, UUID.randomUUID(), "AG-TEST", 1, List.of(), List.of(),
				new Totals(amount, BigDecimal.ZERO.setScale(2), amount, currency),
				new PaymentTerms("NET_30", 30, LocalDate.now().plusDays(30)), "FREE_OVER", true, Instant.now(),
				orderNumberOf(orderId), "Test Customer Oy");
	}

	/** A made-up order number that stays the same for the same order, as order-service's would. */
	protected static String orderNumberOf(UUID orderId) {
		return "LV-T" + orderId.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
	}

	/** Sends an event the way its owning service would: CloudEvents headers, JSON body, keyed by order id. */
	protected String produce(UUID orderId, Object event) {
		return produce(orderId, UUID.randomUUID().toString(), event);
	}

	protected String produce(UUID orderId, String eventId, Object event) {
		produceAll(List.of(Map.entry(orderId, Map.entry(eventId, event))));
		return eventId;
	}

	/** Sends {@code body} (any JSON-able object) as an event of the given contract type. */
	protected String produceAs(UUID orderId, Class<?> contractType, Object body) {
		return new EventProducer(this.json).publishAs(orderId, contractType, body);
	}

	/** Sends the events (order id, then event id and event) in this order, all at once. */
	protected void produceAll(List<Map.Entry<UUID, Map.Entry<String, Object>>> events) {
		EventProducer.sendAll(events.stream()
			.map(event -> CloudEventRecord.of(event.getKey(), event.getValue().getValue(), this.json)
				.id(event.getValue().getKey()))
			.toList());
	}

	/** The exposure stored on the customer's account, as decisions read it. */
	protected BigDecimal exposure(UUID customerId) {
		return this.accounts.find(customerId).orElseThrow().exposure();
	}

	/** The sum of the customer's open reservations: what the stored exposure must always equal. */
	protected BigDecimal openReservationTotal(UUID customerId) {
		return this.jdbc.queryForObject(
				"SELECT coalesce(sum(amount), 0) FROM reservation WHERE customer_id = ? AND status = 'OPEN'",
				BigDecimal.class, customerId);
	}

	protected static JwtRequestPostProcessor as(String subject, String... roles) {
		return TestJwts.jwt(TestCaller.of(subject, roles));
	}
}

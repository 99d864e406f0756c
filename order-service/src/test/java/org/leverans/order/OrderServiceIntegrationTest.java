package org.leverans.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.leverans.testsupport.DemoIds;
import org.leverans.testsupport.events.EventProducer;
import org.leverans.testsupport.events.TopicProbe;
import org.leverans.testsupport.infrastructure.StandIns;
import org.leverans.testsupport.infrastructure.TestInfrastructure;
import org.leverans.testsupport.security.TestCaller;
import org.leverans.testsupport.security.TestJwts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * One Spring context for all integration tests (same configuration, so the context cache shares it), against the
 * real embedded PostgreSQL and Kafka broker of {@link TestInfrastructure}, with an in-process WireMock standing in
 * for agreement-service's quotes.
 */
@SpringBootTest(properties = { "leverans.messaging.retry-interval=50ms", "leverans.messaging.relay-interval=100ms",
		"leverans.services.agreement-timeout=1s",
		// Tests announce reorder reminders themselves, so the job never takes a test's cycle first.
		"leverans.orders.reminders.announce-after-start=PT24H",
		// Every placement asks the stand-in, so each test can say what the catalogue knows (KnownProductsTest
		// covers remembering known codes).
		"leverans.orders.product-codes-known-for=0s",
		// Nothing validates orders here, so every order placed stays PLACED: admission must not refuse them
		// (FlowAdmissionIntegrationTest covers it with a bound of its own).
		"leverans.orders.admission.max-undecided=1000000" })
@AutoConfigureMockMvc
public abstract class OrderServiceIntegrationTest {

	protected static final UUID RAKENNUS = DemoIds.RAKENNUS;

	protected static final UUID BYGG = DemoIds.BYGG;

	protected static final UUID JATKASAARI = DemoIds.JATKASAARI;

	protected static final UUID PASILA = DemoIds.PASILA;

	protected static final UUID HAMMARBY = DemoIds.HAMMARBY;

	/** agreement-service's {@code POST /api/catalog/quote} and {@code /codes}, as far as order-service uses them. */
	protected static final WireMockServer agreementStandIn = StandIns.wireMock("agreement-service");

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "orders");
		registry.add("leverans.services.agreement-uri", agreementStandIn::baseUrl);
	}

	@BeforeEach
	void everyProductIsKnown() {
		agreementStandIn.resetAll();
		// Unless a test says otherwise, a quote (for previews) finds nothing wrong and prices nothing …
		agreementStandIn.stubFor(WireMock.post("/api/catalog/quote")
			.atPriority(10)
			.willReturn(WireMock.okJson("{\"lines\":[],\"problems\":[],\"orderable\":true}")));
		// … and the catalogue knows every product code.
		agreementStandIn.stubFor(WireMock.post("/api/catalog/codes")
			.atPriority(10)
			.willReturn(WireMock.okJson("{\"unknown\":[]}")));
	}

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected JsonMapper json;

	protected static JwtRequestPostProcessor anna() {
		return token("anna", RAKENNUS, List.of(), "ORDERER");
	}

	protected static JwtRequestPostProcessor erik() {
		return token("erik", BYGG, List.of(), "ORDERER");
	}

	protected static JwtRequestPostProcessor mikko() {
		return token("mikko", RAKENNUS, List.of(JATKASAARI), "RECEIVER");
	}

	protected static JwtRequestPostProcessor sara() {
		return token("sara", null, List.of(), "CUSTOMER_SERVICE");
	}

	protected static JwtRequestPostProcessor token(String subject, UUID customerId, List<UUID> siteIds,
			String... roles) {
		return TestJwts.jwt(TestCaller.of(subject, roles).withCustomer(customerId).withSites(siteIds));
	}

	protected static String orderBody(String po, UUID... sites) {
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < sites.length; i++) {
			if (i > 0) {
				lines.append(',');
			}
			lines.append("""
					{"sku":"CEM-25KG","quantity":%d,"packageSize":"PALLET","siteId":"%s"}""".formatted(40 + i, sites[i]));
		}
		return """
				{"purchaseOrderNumber":"%s","deliveryMode":"SPLIT_ALLOWED",
				 "requestedDelivery":{"date":"%s","from":"07:00","to":"09:00"},
				 "lines":[%s],"note":"Crane on site 7–9"}""".formatted(po, LocalDate.now().plusDays(10), lines);
	}

	protected MvcResult place(JwtRequestPostProcessor caller, String key, String body) throws Exception {
		return this.mvc.perform(post("/api/orders").with(caller)
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
	}

	/** Places an order for Rakennus Oy as anna and returns its id. */
	protected UUID placeOrder(UUID... sites) throws Exception {
		MvcResult result = place(anna(), UUID.randomUUID().toString(), orderBody("PO-" + UUID.randomUUID(), sites));
		if (result.getResponse().getStatus() != 202) {
			throw new AssertionError("Placement failed: " + result.getResponse().getContentAsString());
		}
		return UUID.fromString(read(result).get("id").asString());
	}

	protected JsonNode read(MvcResult result) throws Exception {
		return this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	protected JsonNode getOrder(UUID id, JwtRequestPostProcessor caller) throws Exception {
		MvcResult result = this.mvc.perform(get("/api/orders/{id}", id).with(caller)).andReturn();
		if (result.getResponse().getStatus() != 200) {
			throw new AssertionError("GET failed: " + result.getResponse().getStatus());
		}
		return read(result);
	}

	protected String status(UUID orderId) {
		return this.jdbc.queryForObject("SELECT status FROM customer_order WHERE id = ?", String.class, orderId);
	}

	protected void awaitStatus(UUID orderId, String status) {
		await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(status(orderId)));
	}

	/** Brings an order to ACCEPTED the way agreement-service and credit-service would. */
	protected void accept(UUID orderId, UUID... sites) {
		send(orderId, OrderEvents.validated(orderId, sites));
		send(orderId, OrderEvents.creditReserved(orderId));
		awaitStatus(orderId, "ACCEPTED");
	}

	protected int timelineCount(UUID orderId, String type) {
		return this.jdbc.queryForObject("SELECT count(*) FROM order_timeline WHERE order_id = ? AND type = ?",
				Integer.class, orderId, type);
	}

	protected void awaitTimeline(UUID orderId, String type, int count) {
		await().atMost(Duration.ofSeconds(30)).until(() -> timelineCount(orderId, type) >= count);
	}

	protected int outboxCount(UUID orderId, String type) {
		return this.jdbc.queryForObject(
				"SELECT count(*) FROM messaging.outbox_event WHERE record_key = ? AND type = ?", Integer.class,
				orderId.toString(), type);
	}

	/** Sends an event the way its owning service would: CloudEvents headers, JSON body, keyed by order. */
	protected String send(UUID key, Object event) {
		return send(key, UUID.randomUUID().toString(), event);
	}

	protected String send(UUID key, String eventId, Object event) {
		return new EventProducer(this.json).publish(key, event, eventId);
	}

	/** The first record of this type for this key on the topic, waiting for it to be sent. */
	protected static ConsumerRecord<String, byte[]> awaitRecord(String topic, UUID key, String type) {
		return TopicProbe.awaitFirst(topic, key, type);
	}

	protected static String header(ConsumerRecord<?, ?> record, String name) {
		return TopicProbe.header(record, name);
	}
}

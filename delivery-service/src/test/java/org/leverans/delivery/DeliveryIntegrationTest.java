package org.leverans.delivery;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.leverans.contracts.Topics;
import org.leverans.contracts.order.OrderAccepted;
import org.leverans.delivery.shipment.Shipment;
import org.leverans.delivery.shipment.Shipments;
import org.leverans.testsupport.events.CloudEventRecord;
import org.leverans.testsupport.events.EventProducer;
import org.leverans.testsupport.events.ReceivedEvent;
import org.leverans.testsupport.events.TopicProbe;
import org.leverans.testsupport.infrastructure.TestInfrastructure;
import org.leverans.testsupport.security.TestCaller;
import org.leverans.testsupport.security.TestJwts;
import org.leverans.testsupport.time.MovableClock;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.awaitility.Awaitility.await;

/**
 * One Spring context for every integration test class (they all extend this), against a real PostgreSQL and Kafka.
 * Three extra countries get test carriers of their own, so tests that teach a carrier its lateness or measure its
 * promise do not disturb each other.
 */
@SpringBootTest(properties = { "leverans.messaging.relay-interval=100ms",
		// Tests move the clock; they redraw windows themselves when they mean to.
		"leverans.delivery.window.refresh-interval=0s",
		"leverans.delivery.planning.carrier-rules[0].country=FI",
		"leverans.delivery.planning.carrier-rules[0].carrier=nordic-freight",
		"leverans.delivery.planning.carrier-rules[1].country=SE",
		"leverans.delivery.planning.carrier-rules[1].carrier=baltic-haulage",
		"leverans.delivery.planning.carrier-rules[2].country=EE",
		"leverans.delivery.planning.carrier-rules[2].carrier=learning-haulage",
		"leverans.delivery.planning.carrier-rules[3].country=LV",
		"leverans.delivery.planning.carrier-rules[3].carrier=promise-express",
		"leverans.delivery.planning.carrier-rules[4].country=LT",
		"leverans.delivery.planning.carrier-rules[4].carrier=scatter-freight",
		"leverans.delivery.planning.carriers.learning-haulage.tracking-prefix=LH",
		"leverans.delivery.planning.carriers.promise-express.tracking-prefix=PE",
		"leverans.delivery.planning.carriers.scatter-freight.tracking-prefix=SF",
		"leverans.delivery.planning.time-zones.EE=Europe/Tallinn",
		"leverans.delivery.planning.time-zones.LV=Europe/Riga",
		"leverans.delivery.planning.time-zones.LT=Europe/Vilnius" })
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
public abstract class DeliveryIntegrationTest {

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "delivery");
	}

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected Shipments shipments;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected JsonMapper json;

	@Autowired
	protected MovableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/** Publishes the event on the order topic as order-service would, with CloudEvents headers; returns its ce_id. */
	protected String publishOrderEvent(UUID orderId, Object event) {
		return publishOrderEvent(orderId, UUID.randomUUID().toString(), event);
	}

	protected String publishOrderEvent(UUID orderId, String eventId, Object event) {
		EventProducer.send(CloudEventRecord.of(orderId, event, this.json).id(eventId).source("/leverans/order-service"));
		return eventId;
	}

	/** Sends the accepted order through Kafka and waits until its plan is stored. */
	protected List<Shipment> plan(OrderAccepted order, int expectedShipments) {
		publishOrderEvent(order.orderId(), order);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.shipments.ofOrder(order.orderId()).size() == expectedShipments);
		return this.shipments.ofOrder(order.orderId());
	}

	/** Reads the shipment topic from the start until {@code count} events keyed by the order have arrived. */
	protected List<ReceivedEvent> shipmentEvents(UUID orderId, int count) {
		return shipmentEvents(orderId, events -> events.size() >= count);
	}

	protected List<ReceivedEvent> shipmentEvents(UUID orderId, Predicate<List<ReceivedEvent>> done) {
		return TopicProbe.awaitEvents(Topics.SHIPMENT, orderId, done);
	}

	protected static RequestPostProcessor carrier(String code) {
		return TestJwts.jwt(TestCaller.carrier(code));
	}

	protected static RequestPostProcessor buyer(UUID customerId) {
		return TestJwts.jwt(TestCaller.orderer("anna", customerId));
	}

	protected static RequestPostProcessor receiver(UUID... siteIds) {
		return TestJwts.jwt(TestCaller.receiver("mikko", TestOrders.RAKENNUS, siteIds));
	}

	protected static RequestPostProcessor role(String role) {
		return TestJwts.jwt(TestCaller.of("sara", role));
	}
}

package org.leverans.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;
import org.leverans.contracts.order.OrderAccepted;
import org.leverans.delivery.shipment.Shipment;
import org.leverans.delivery.shipment.Shipments;
import org.leverans.testsupport.infrastructure.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * One Spring context for every integration test class (they all extend this), against a real PostgreSQL and Kafka.
 * Two extra countries get test carriers of their own, so tests that teach a carrier its lateness or measure its
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
		"leverans.delivery.planning.carriers.learning-haulage.tracking-prefix=LH",
		"leverans.delivery.planning.carriers.promise-express.tracking-prefix=PE",
		"leverans.delivery.planning.time-zones.EE=Europe/Tallinn",
		"leverans.delivery.planning.time-zones.LV=Europe/Riga" })
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
	protected TestClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/** Publishes the event on the order topic as order-service would, with CloudEvents headers; returns its ce_id. */
	protected String publishOrderEvent(UUID orderId, Object event) {
		return publishOrderEvent(orderId, UUID.randomUUID().toString(), event);
	}

	protected String publishOrderEvent(UUID orderId, String eventId, Object event) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ORDER, orderId.toString(),
				this.json.writeValueAsBytes(event));
		header(record, "ce_id", eventId);
		header(record, "ce_type", event.getClass().getAnnotation(EventContract.class).type());
		header(record, "ce_specversion", "1.0");
		header(record, "ce_source", "/leverans/order-service");
		header(record, "ce_subject", orderId.toString());
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
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

	protected List<ReceivedEvent> shipmentEvents(UUID orderId, java.util.function.Predicate<List<ReceivedEvent>> done) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(Topics.SHIPMENT));
			List<ReceivedEvent> found = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (orderId.toString().equals(record.key())) {
						found.add(new ReceivedEvent(header(record, "ce_type"), header(record, "ce_subject"),
								this.json.readTree(record.value())));
					}
				}
				return done.test(found);
			});
			return found;
		}
	}

	protected static RequestPostProcessor carrier(String code) {
		return jwt().jwt(token -> token.subject(code).claim("roles", List.of("CARRIER")).claim("carrier", code))
			.authorities(new SimpleGrantedAuthority("ROLE_CARRIER"));
	}

	protected static RequestPostProcessor buyer(UUID customerId) {
		return jwt().jwt(token -> token.subject("anna").claim("roles", List.of("ORDERER"))
			.claim("customer_id", customerId.toString())).authorities(new SimpleGrantedAuthority("ROLE_ORDERER"));
	}

	protected static RequestPostProcessor receiver(UUID... siteIds) {
		return jwt().jwt(token -> token.subject("mikko").claim("roles", List.of("RECEIVER"))
			.claim("customer_id", TestOrders.RAKENNUS.toString())
			.claim("site_ids", java.util.Arrays.stream(siteIds).map(UUID::toString).toList()))
			.authorities(new SimpleGrantedAuthority("ROLE_RECEIVER"));
	}

	protected static RequestPostProcessor role(String role) {
		return jwt().jwt(token -> token.subject("sara").claim("roles", List.of(role)))
			.authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}

	private static void header(ProducerRecord<?, ?> record, String name, String value) {
		record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	public record ReceivedEvent(String type, String subject, JsonNode body) {
	}
}

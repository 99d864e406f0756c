package org.leverans.agreement.validation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.leverans.agreement.IntegrationTest;
import org.leverans.contracts.Reason;
import org.leverans.contracts.Topics;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderLine;
import org.leverans.contracts.order.OrderPlaced;
import org.leverans.contracts.order.RequestedDelivery;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.contracts.validation.OrderValidationFailed;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.testsupport.events.CloudEventRecord;
import org.leverans.testsupport.events.EventProducer;
import org.leverans.testsupport.events.TopicProbe;
import org.leverans.testsupport.infrastructure.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leverans.testsupport.events.TopicProbe.header;

/** OrderPlaced in through Kafka, OrderValidated or OrderValidationFailed out through Kafka. */
class OrderValidationIntegrationTest extends IntegrationTest {

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void validatesAndPricesARakennusOrder() {
		OrderPlaced order = order(RAKENNUS, DeliveryMode.SPLIT_ALLOWED,
				new OrderLine(1, "CEM-25KG", 40, "PALLET", JATKASAARI));
		place(order, UUID.randomUUID().toString());

		ConsumerRecord<String, byte[]> record = outcomeOf(order.orderId()).get(0);
		assertThat(header(record, "ce_type")).isEqualTo("leverans.order-validation.validated.v1");
		assertThat(header(record, "ce_subject")).isEqualTo(order.orderId().toString());
		OrderValidated validated = this.json.readValue(record.value(), OrderValidated.class);
		assertThat(validated.agreementId()).isEqualTo(RAKENNUS_AGREEMENT);
		assertThat(validated.agreementNumber()).isEqualTo("AG-2026-0001");
		assertThat(validated.agreementVersion()).isEqualTo(1);
		PricedLine line = validated.lines().get(0);
		assertThat(line.name()).isEqualTo("Cement 25 kg");
		assertThat(line.listPrice()).isEqualByComparingTo("9.90");
		assertThat(line.unitPrice()).isEqualByComparingTo("8.40");
		assertThat(line.lineTotal()).isEqualByComparingTo("336.00");
		assertThat(line.availableFrom()).isEqualTo(today());
		assertThat(validated.totals().goods()).isEqualByComparingTo("336.00");
		assertThat(validated.totals().freight()).isEqualByComparingTo("95.00");
		assertThat(validated.totals().total()).isEqualByComparingTo("431.00");
		assertThat(validated.totals().currency()).isEqualTo("EUR");
		assertThat(validated.paymentTerms().code()).isEqualTo("NET_30");
		assertThat(validated.paymentTerms().dueDate()).isEqualTo(today().plusDays(30));
		assertThat(validated.freightTermsCode()).isEqualTo("FREE_OVER");
		assertThat(validated.splitDeliveryAllowed()).isTrue();
		assertThat(validated.sites()).singleElement().satisfies(site -> {
			assertThat(site.siteId()).isEqualTo(JATKASAARI);
			assertThat(site.name()).isEqualTo("Site Jätkäsaari");
			assertThat(site.countryCode()).isEqualTo("FI");
			assertThat(site.receiverName()).isEqualTo("Mikko Nieminen");
		});
		assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"total\":431.00");
	}

	@Test
	void pricesAByggOrderInSek() {
		OrderPlaced order = order(BYGG, DeliveryMode.COMPLETE, new OrderLine(1, "CEM-25KG", 10, "PALLET", HAMMARBY));
		place(order, UUID.randomUUID().toString());

		OrderValidated validated = this.json.readValue(outcomeOf(order.orderId()).get(0).value(),
				OrderValidated.class);
		assertThat(validated.lines().get(0).unitPrice()).isEqualByComparingTo("105.34");
		assertThat(validated.totals().total()).isEqualByComparingTo(new BigDecimal("1503.40"));
		assertThat(validated.totals().currency()).isEqualTo("SEK");
		assertThat(validated.splitDeliveryAllowed()).isFalse();
	}

	@Test
	void validatedOrderNamesItsOrderNumberAndTheCustomerSoOthersNeedNotAsk() {
		OrderPlaced order = order(BYGG, DeliveryMode.COMPLETE, new OrderLine(1, "CEM-25KG", 10, "PALLET", HAMMARBY));
		place(order, UUID.randomUUID().toString());

		OrderValidated validated = this.json.readValue(outcomeOf(order.orderId()).get(0).value(),
				OrderValidated.class);
		assertThat(validated.orderNumber()).isEqualTo(order.orderNumber());
		assertThat(validated.customerName()).isEqualTo("Bygg AB");
	}

	@Test
	void rejectsOrderWhenSiteNotInAgreement() {
		assertThat(rejectionOf(order(RAKENNUS, DeliveryMode.COMPLETE,
				new OrderLine(1, "CEM-25KG", 40, "PALLET", HAMMARBY)))).containsExactly("SITE_NOT_IN_AGREEMENT");
	}

	@Test
	void rejectsSplitDeliveryForBygg() {
		assertThat(rejectionOf(order(BYGG, DeliveryMode.SPLIT_ALLOWED,
				new OrderLine(1, "CEM-25KG", 10, "PALLET", HAMMARBY)))).containsExactly("SPLIT_NOT_ALLOWED");
	}

	@Test
	void rejectsProductOutsideByggsAssortment() {
		assertThat(rejectionOf(order(BYGG, DeliveryMode.COMPLETE, new OrderLine(1, "PLY-18MM", 10, "PALLET", HAMMARBY))))
			.containsExactly("SKU_NOT_IN_ASSORTMENT");
	}

	@Test
	void rejectsUnknownProductCode() {
		assertThat(rejectionOf(order(RAKENNUS, DeliveryMode.COMPLETE, new OrderLine(1, "NOPE-1", 3, null, PASILA))))
			.containsExactly("SKU_UNKNOWN");
	}

	@Test
	void rejectsPackageSizeByggsAgreementDoesNotAllow() {
		assertThat(rejectionOf(order(BYGG, DeliveryMode.COMPLETE, new OrderLine(1, "SCREW-5x50", 3, "PARCEL", HAMMARBY))))
			.containsExactly("PACKAGE_SIZE_NOT_ALLOWED");
	}

	@Test
	void rejectsDeliveryRequestedForToday() {
		OrderPlaced order = order(RAKENNUS, DeliveryMode.COMPLETE, new OrderLine(1, "CEM-25KG", 1, "PALLET", PASILA));
		OrderPlaced today = new OrderPlaced(order.orderId(), order.orderNumber(), order.customerId(), order.placedBy(),
				order.placedAt(), order.purchaseOrderNumber(), order.deliveryMode(),
				new RequestedDelivery(today(), LocalTime.of(7, 0), LocalTime.of(9, 0)), order.lines(), null);
		assertThat(rejectionOf(today)).containsExactly("LEAD_TIME_TOO_SHORT");
	}

	@Test
	void rejectsQuantityOfZero() {
		assertThat(rejectionOf(order(RAKENNUS, DeliveryMode.COMPLETE, new OrderLine(1, "CEM-25KG", 0, "PALLET", PASILA))))
			.containsExactly("QUANTITY_INVALID");
	}

	@Test
	void rejectsOrderOfCustomerWithoutAgreement() {
		assertThat(rejectionOf(order(UUID.randomUUID(), DeliveryMode.COMPLETE,
				new OrderLine(1, "CEM-25KG", 1, "PALLET", PASILA)))).containsExactly("AGREEMENT_NOT_ACTIVE");
	}

	@Test
	void toleratesFieldsAddedToOrderPlacedByItsWriter() throws Exception {
		OrderPlaced order = order(RAKENNUS, DeliveryMode.COMPLETE, new OrderLine(1, "CEM-25KG", 1, "PALLET", PASILA));
		ObjectNode body = (ObjectNode) this.json.valueToTree(order);
		body.put("channel", "EDI");
		((ObjectNode) body.get("lines").get(0)).put("customerItemCode", "C-1");
		EventProducer.send(CloudEventRecord.of(Topics.ORDER, order.orderId(), "leverans.order.placed.v1",
				this.json.writeValueAsBytes(body)));

		assertThat(header(outcomeOf(order.orderId()).get(0), "ce_type"))
			.isEqualTo("leverans.order-validation.validated.v1");
	}

	@Test
	void redeliveredOrderPlacedYieldsOneValidation() {
		OrderPlaced order = order(RAKENNUS, DeliveryMode.COMPLETE, new OrderLine(1, "GYP-13", 20, "PALLET", PASILA));
		String eventId = UUID.randomUUID().toString();
		place(order, eventId);
		assertValidatedOnceAfter(order, place(order, eventId));
	}

	@Test
	void orderPlacedAgainUnderANewEventIdKeepsItsFirstValidation() {
		OrderPlaced order = order(RAKENNUS, DeliveryMode.COMPLETE, new OrderLine(1, "GYP-13", 20, "PALLET", PASILA));
		place(order, UUID.randomUUID().toString());
		assertValidatedOnceAfter(order, place(order, UUID.randomUUID().toString()));
	}

	/** Once the service has committed past the last copy it has seen every copy; only then is "once" meaningful. */
	private void assertValidatedOnceAfter(OrderPlaced order, RecordMetadata lastCopy) {
		TopicPartition partition = new TopicPartition(lastCopy.topic(), lastCopy.partition());
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.kafkaBootstrapServers()))) {
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				OffsetAndMetadata committed = admin.listConsumerGroupOffsets("agreement-service")
					.partitionsToOffsetAndMetadata()
					.get()
					.get(partition);
				return committed != null && committed.offset() > lastCopy.offset();
			});
		}
		assertThat(outcomeOf(order.orderId())).hasSize(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM order_validation WHERE order_id = ?")
			.param(order.orderId())
			.query(Integer.class)
			.single()).isOne();
	}

	private List<String> rejectionOf(OrderPlaced order) {
		place(order, UUID.randomUUID().toString());
		ConsumerRecord<String, byte[]> record = outcomeOf(order.orderId()).get(0);
		assertThat(header(record, "ce_type")).isEqualTo("leverans.order-validation.failed.v1");
		OrderValidationFailed failed = this.json.readValue(record.value(), OrderValidationFailed.class);
		assertThat(failed.orderId()).isEqualTo(order.orderId());
		assertThat(failed.reasons()).allSatisfy(reason -> assertThat(reason.message()).isNotBlank());
		return failed.reasons().stream().map(Reason::code).toList();
	}

	private RecordMetadata place(OrderPlaced order, String eventId) {
		return EventProducer.send(CloudEventRecord.of(order.orderId(), order, this.json).id(eventId));
	}

	private static List<ConsumerRecord<String, byte[]>> outcomeOf(UUID orderId) {
		return TopicProbe.awaitAll(Topics.ORDER_VALIDATION, orderId);
	}

	private static OrderPlaced order(UUID customerId, DeliveryMode mode, OrderLine... lines) {
		UUID orderId = UUID.randomUUID();
		return new OrderPlaced(orderId, "LV-" + orderId.toString().substring(0, 6), customerId, "anna", Instant.now(),
				"PO-4711", mode, new RequestedDelivery(today().plusDays(10), LocalTime.of(7, 0), LocalTime.of(9, 0)),
				List.of(lines), "Crane on site 7–9");
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Europe/Helsinki"));
	}
}

package org.leverans.order.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.Topics;
import org.leverans.order.OrderServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leverans.order.OrderEvents.creditDeclined;
import static org.leverans.order.OrderEvents.creditReserved;
import static org.leverans.order.OrderEvents.creditReviewRequired;
import static org.leverans.order.OrderEvents.delivered;
import static org.leverans.order.OrderEvents.exception;
import static org.leverans.order.OrderEvents.planned;
import static org.leverans.order.OrderEvents.updated;
import static org.leverans.order.OrderEvents.validated;
import static org.leverans.order.OrderEvents.validationFailed;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

class OrderFlowIntegrationTest extends OrderServiceIntegrationTest {

	@Test
	void acceptsOnceValidatedAndCreditReservedEvenWhenCreditArrivesFirst() throws Exception {
		UUID id = placeOrder(JATKASAARI, PASILA);

		send(id, creditReserved(id));
		awaitTimeline(id, "CreditReserved", 1);
		assertThat(status(id)).isEqualTo("PLACED");
		send(id, validated(id, JATKASAARI, PASILA));
		awaitStatus(id, "ACCEPTED");

		ConsumerRecord<String, byte[]> record = awaitRecord(Topics.ORDER, id, "leverans.order.accepted.v1");
		JsonNode accepted = this.json.readTree(new String(record.value(), StandardCharsets.UTF_8));
		assertThat(accepted.get("lines")).hasSize(2);
		assertThat(accepted.get("lines").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("8.40");
		assertThat(accepted.get("sites")).hasSize(2);
		assertThat(accepted.get("totals").get("total").decimalValue()).isEqualByComparingTo("775.40");

		JsonNode order = getOrder(id, anna());
		assertThat(order.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(order.get("lines").get(0).get("unitPrice").asString()).isEqualTo("8.40");
		assertThat(order.get("lines").get(0).get("lineTotal").asString()).isEqualTo("336.00");
		assertThat(order.get("lines").get(0).get("name").asString()).isEqualTo("Cement 25 kg");
		assertThat(order.get("totals").get("freight").asString()).isEqualTo("95.00");
		assertThat(order.get("totals").get("currency").asString()).isEqualTo("EUR");
		assertThat(order.get("paymentTerms").get("code").asString()).isEqualTo("NET_30");
		assertThat(order.get("requestedDelivery").get("from").asString()).isEqualTo("07:00");
		assertThat(order.get("statusHistory").valueStream().map(h -> h.get("status").asString()))
			.containsExactly("PLACED", "VALIDATED", "ACCEPTED");
		assertThat(outboxCount(id, "leverans.order.accepted.v1")).isOne();
	}

	@Test
	void theAcceptanceCarriesThePaymentAndFreightTermsTheValidationFixed() throws Exception {
		UUID id = placeOrder(JATKASAARI);
		send(id, validated(id, JATKASAARI));
		send(id, creditReserved(id));
		awaitStatus(id, "ACCEPTED");

		ConsumerRecord<String, byte[]> record = awaitRecord(Topics.ORDER, id, "leverans.order.accepted.v1");
		JsonNode accepted = this.json.readTree(new String(record.value(), StandardCharsets.UTF_8));
		assertThat(accepted.get("paymentTerms").get("code").asString()).isEqualTo("NET_30");
		assertThat(accepted.get("paymentTerms").get("days").asInt()).isEqualTo(30);
		assertThat(accepted.get("paymentTerms").get("dueDate").asString())
			.isEqualTo(LocalDate.now().plusDays(30).toString());
		assertThat(accepted.get("freightTermsCode").asString()).isEqualTo("FREE_OVER");
	}

	@Test
	void pricesAppearOnlyOnceValidated() throws Exception {
		UUID id = placeOrder(JATKASAARI);

		JsonNode order = getOrder(id, anna());

		assertThat(order.get("status").asString()).isEqualTo("PLACED");
		assertThat(order.get("lines").get(0).get("unitPrice").isNull()).isTrue();
		assertThat(order.get("totals").isNull()).isTrue();
	}

	@Test
	void followsShipmentsToPartiallyDeliveredAndDelivered() throws Exception {
		UUID id = placeOrder(JATKASAARI, PASILA);
		accept(id, JATKASAARI, PASILA);
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();

		send(id, planned(first, id, JATKASAARI, "NF0000000001", 1, 2));
		send(id, planned(second, id, PASILA, "NF0000000002", 2, 2));
		awaitTimeline(id, "ShipmentPlanned", 2);
		JsonNode order = getOrder(id, anna());
		assertThat(order.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(order.get("shipments")).hasSize(2);
		JsonNode shipment = order.get("shipments").get(0);
		assertThat(shipment.get("carrier").asString()).isEqualTo("nordic-freight");
		assertThat(shipment.get("window").get("basis").asString()).isEqualTo("PLANNED");
		assertThat(shipment.get("lines").get(0).get("sku").asString()).isEqualTo("CEM-25KG");

		send(id, updated(first, id, JATKASAARI, "NF0000000001", "PICKED_UP", "PICKED_UP"));
		awaitStatus(id, "IN_DELIVERY");
		send(id, delivered(first, id, JATKASAARI, "NF0000000001", 2));
		awaitStatus(id, "PARTIALLY_DELIVERED");
		assertThat(outboxCount(id, "leverans.order.delivered.v1")).isZero();
		send(id, delivered(second, id, PASILA, "NF0000000002", 2));
		awaitStatus(id, "DELIVERED");

		ConsumerRecord<String, byte[]> record = awaitRecord(Topics.ORDER, id, "leverans.order.delivered.v1");
		assertThat(header(record, "ce_subject")).isEqualTo(id.toString());
		assertThat(getOrder(id, anna()).get("statusHistory").valueStream().map(h -> h.get("status").asString()))
			.containsExactly("PLACED", "VALIDATED", "ACCEPTED", "IN_DELIVERY", "PARTIALLY_DELIVERED", "DELIVERED");
	}

	@Test
	void failedValidationRejectsTheOrderWithItsReasons() throws Exception {
		UUID id = placeOrder(HAMMARBY);

		send(id, validationFailed(id, "SITE_NOT_IN_AGREEMENT"));
		awaitStatus(id, "REJECTED");

		JsonNode rejected = this.json.readTree(
				awaitRecord(Topics.ORDER, id, "leverans.order.rejected.v1").value());
		assertThat(rejected.get("reasons").get(0).get("code").asString()).isEqualTo("SITE_NOT_IN_AGREEMENT");
		JsonNode order = getOrder(id, anna());
		assertThat(order.get("statusReasons").get(0).get("code").asString()).isEqualTo("SITE_NOT_IN_AGREEMENT");
		assertThat(order.get("statusReasons").get(0).get("lineNo").asInt()).isEqualTo(1);
	}

	@Test
	void declinedCreditRejectsTheOrder() throws Exception {
		UUID id = placeOrder(JATKASAARI);

		send(id, validated(id, JATKASAARI));
		send(id, creditDeclined(id));
		awaitStatus(id, "REJECTED");

		assertThat(getOrder(id, anna()).get("statusReasons").get(0).get("code").asString()).isEqualTo("OVER_LIMIT");
		assertThat(outboxCount(id, "leverans.order.rejected.v1")).isOne();
	}

	@Test
	void creditReviewHoldsTheOrderUntilCreditIsReserved() throws Exception {
		UUID id = placeOrder(JATKASAARI);

		send(id, validated(id, JATKASAARI));
		send(id, creditReviewRequired(id));
		awaitStatus(id, "ON_HOLD");
		assertThat(outboxCount(id, "leverans.order.on-hold.v1")).isOne();
		assertThat(getOrder(id, anna()).get("statusReasons").get(0).get("code").asString())
			.isEqualTo("BUREAU_UNAVAILABLE");

		send(id, creditReserved(id));
		awaitStatus(id, "ACCEPTED");
		assertThat(getOrder(id, anna()).get("statusReasons")).isEmpty();
		assertThat(outboxCount(id, "leverans.order.accepted.v1")).isOne();
	}

	@Test
	void lateDecisionIsRecordedInTheTimelineButChangesNothing() throws Exception {
		UUID id = placeOrder(JATKASAARI);
		accept(id, JATKASAARI);

		send(id, creditDeclined(id));
		awaitTimeline(id, "CreditDeclined", 1);

		assertThat(status(id)).isEqualTo("ACCEPTED");
		assertThat(outboxCount(id, "leverans.order.rejected.v1")).isZero();
	}

	@Test
	void redeliveredEventIsAppliedOnce() throws Exception {
		UUID id = placeOrder(JATKASAARI);
		accept(id, JATKASAARI);
		UUID shipment = UUID.randomUUID();
		String eventId = UUID.randomUUID().toString();

		send(id, eventId, planned(shipment, id, JATKASAARI, "NF0000000003", 1, 1));
		send(id, eventId, planned(shipment, id, JATKASAARI, "NF0000000003", 1, 1));
		// A later event on the same key shows the duplicate was already seen and skipped.
		send(id, updated(shipment, id, JATKASAARI, "NF0000000003", "INFO_RECEIVED", "INFO_RECEIVED"));
		awaitTimeline(id, "ShipmentUpdated", 1);

		assertThat(timelineCount(id, "ShipmentPlanned")).isOne();
	}

	@Test
	void shipmentProblemShowsOnTheOrderWithItsReason() throws Exception {
		UUID id = placeOrder(JATKASAARI);
		accept(id, JATKASAARI);
		UUID shipment = UUID.randomUUID();
		send(id, planned(shipment, id, JATKASAARI, "NF0000000004", 1, 1));
		send(id, updated(shipment, id, JATKASAARI, "NF0000000004", "IN_TRANSIT", "PICKED_UP"));

		send(id, exception(shipment, id, JATKASAARI, "NF0000000004", "DELIVERY_FAILED", "Site gate closed"));
		awaitTimeline(id, "ShipmentException", 1);

		JsonNode order = getOrder(id, anna());
		assertThat(order.get("status").asString()).isEqualTo("IN_DELIVERY");
		assertThat(order.get("statusReasons").get(0).get("code").asString()).isEqualTo("SHIPMENT_DELIVERY_FAILED");
		assertThat(order.get("statusReasons").get(0).get("message").asString()).contains("Site gate closed");
		assertThat(order.get("shipments").get(0).get("status").asString()).isEqualTo("DELIVERY_FAILED");
	}

	@Test
	void cancelsBeforePickUpAndPublishesOrderCancelled() throws Exception {
		UUID id = placeOrder(JATKASAARI);
		accept(id, JATKASAARI);
		send(id, planned(UUID.randomUUID(), id, JATKASAARI, "NF0000000005", 1, 1));
		awaitTimeline(id, "ShipmentPlanned", 1);

		MvcResult result = this.mvc.perform(post("/api/orders/{id}/cancel", id).with(anna())
			.contentType("application/json")
			.content("{\"reason\":\"Project postponed\"}")).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(read(result).get("status").asString()).isEqualTo("CANCELLED");
		assertThat(status(id)).isEqualTo("CANCELLED");
		JsonNode cancelled = this.json.readTree(
				awaitRecord(Topics.ORDER, id, "leverans.order.cancelled.v1").value());
		assertThat(cancelled.get("cancelledBy").asString()).isEqualTo("anna");
		assertThat(cancelled.get("reason").asString()).isEqualTo("Project postponed");
	}

	@Test
	void refusesToCancelOnceAShipmentIsPickedUp() throws Exception {
		UUID id = placeOrder(JATKASAARI);
		accept(id, JATKASAARI);
		UUID shipment = UUID.randomUUID();
		send(id, planned(shipment, id, JATKASAARI, "NF0000000006", 1, 1));
		send(id, updated(shipment, id, JATKASAARI, "NF0000000006", "PICKED_UP", "PICKED_UP"));
		awaitStatus(id, "IN_DELIVERY");

		MvcResult result = this.mvc.perform(post("/api/orders/{id}/cancel", id).with(anna())).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(409);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
		assertThat(status(id)).isEqualTo("IN_DELIVERY");
		assertThat(outboxCount(id, "leverans.order.cancelled.v1")).isZero();
	}

	@Test
	void cancellingAnotherCustomersOrderIsNotFound() throws Exception {
		UUID id = placeOrder(JATKASAARI);

		MvcResult result = this.mvc.perform(post("/api/orders/{id}/cancel", id).with(erik())).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		assertThat(status(id)).isEqualTo("PLACED");
	}

	@Test
	void decisionsAfterACancellationAreOnlyRecorded() throws Exception {
		UUID id = placeOrder(JATKASAARI);
		this.mvc.perform(post("/api/orders/{id}/cancel", id).with(anna()));

		send(id, validated(id, JATKASAARI));
		awaitTimeline(id, "OrderValidated", 1);

		assertThat(status(id)).isEqualTo("CANCELLED");
		assertThat(outboxCount(id, "leverans.order.accepted.v1")).isZero();
	}

	@Test
	void eventForAnUnknownOrderGoesToTheDeadLetterTopic() {
		UUID unknown = UUID.randomUUID();

		send(unknown, validated(unknown, JATKASAARI));

		assertThat(awaitRecord(Topics.deadLetterOf(Topics.ORDER_VALIDATION), unknown,
				"leverans.order-validation.validated.v1")).isNotNull();
	}
}

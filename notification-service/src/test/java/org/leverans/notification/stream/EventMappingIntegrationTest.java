package org.leverans.notification.stream;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.Reason;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderAccepted;
import org.leverans.contracts.order.OrderCancelled;
import org.leverans.contracts.order.OrderDelivered;
import org.leverans.contracts.order.OrderOnHold;
import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.DeliveryWindowChanged;
import org.leverans.contracts.shipment.ProofOfDelivery;
import org.leverans.contracts.shipment.ShipmentDelivered;
import org.leverans.contracts.shipment.ShipmentException;
import org.leverans.contracts.shipment.ShipmentLine;
import org.leverans.contracts.shipment.ShipmentPlanned;
import org.leverans.contracts.shipment.WindowConfidence;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.contracts.validation.Totals;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.SseClient;
import org.leverans.notification.SseClient.Message;
import org.leverans.notification.TestEvents;
import org.leverans.notification.TestTokens;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

class EventMappingIntegrationTest extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Instant T = Instant.parse("2026-12-03T05:00:00Z");

	@Test
	void everyOrderAndShipmentEventBecomesItsStreamMessage() {
		UUID customer = UUID.randomUUID();
		UUID site = UUID.randomUUID();
		UUID orderId = UUID.randomUUID();
		UUID shipmentId = UUID.randomUUID();
		String number = TestEvents.number(orderId);
		DeliveryWindow planned = new DeliveryWindow(T, T.plusSeconds(7200), "PLANNED", T.minusSeconds(86400));
		DeliveryWindow narrowed = new DeliveryWindow(T.plusSeconds(1800), T.plusSeconds(3600), "PREDICTED",
				T.minusSeconds(600), WindowConfidence.calibrated(212, 0.95));
		agreementNames(customer, site);

		try (SseClient receiver = stream(TestTokens.receiver("mikko-test", customer, site))) {
			events().publish(orderId, TestEvents.placed(orderId, customer, site));
			events().publish(orderId, new OrderOnHold(orderId, number, customer,
					List.of(Reason.of("CREDIT_REVIEW", "Over the limit within tolerance")), T.minusSeconds(3000)));
			events().publish(orderId, new OrderAccepted(orderId, number, customer, "PO-1", DeliveryMode.COMPLETE,
					null, List.of(new PricedLine(1, "CEM-25KG", "Cement 25 kg", "CEMENT", "BAG", 40, "PALLET", site,
							new BigDecimal("9.90"), new BigDecimal("8.40"), new BigDecimal("336.00"),
							LocalDate.parse("2026-12-01"))),
					List.of(), new Totals(new BigDecimal("336.00"), new BigDecimal("95.00"), new BigDecimal("431.00"),
							"EUR"),
					T.minusSeconds(2000), null, null));
			// Order and shipment events travel on different topics, whose relative order Kafka does not keep.
			await().atMost(WAIT).until(() -> receiver.messagesAbout(orderId).size() == 3);
			events().publish(orderId, new ShipmentPlanned(shipmentId, orderId, customer, site, "nordic-freight",
					"NF0000000042", "PLANNED", List.of(new ShipmentLine(1, "CEM-25KG", 40, "PALLET")), planned, 1,
					T.minusSeconds(1900)));
			events().publish(orderId, TestEvents.shipmentUpdated(orderId, customer, site, "PICKED_UP"));
			events().publish(orderId, new DeliveryWindowChanged(shipmentId, orderId, customer, site, "IN_TRANSIT",
					narrowed, planned));
			events().publish(orderId, new ShipmentException(shipmentId, orderId, customer, site, "nordic-freight",
					"NF0000000042", "EXCEPTION", "Road closed", T.minusSeconds(300)));
			events().publish(orderId, new ShipmentDelivered(shipmentId, orderId, customer, site, "nordic-freight",
					"NF0000000042", T.plusSeconds(2000), new ProofOfDelivery("Mikko", null), 1));
			await().atMost(WAIT).until(() -> receiver.messagesAbout(orderId).size() == 8);
			events().publish(orderId, new OrderDelivered(orderId, number, customer, T.plusSeconds(2100)));
			events().publish(orderId, new OrderCancelled(orderId, number, customer, "anna", "Changed my mind",
					T.plusSeconds(2200)));

			await().atMost(WAIT).until(() -> receiver.messagesAbout(orderId).size() == 10);
			List<Message> messages = receiver.messagesAbout(orderId);
			assertThat(messages).extracting(Message::event, Message::status)
				.containsExactly(tuple("order.status-changed", "PLACED"), tuple("order.status-changed", "ON_HOLD"),
						tuple("order.status-changed", "ACCEPTED"), tuple("shipment.updated", "PLANNED"),
						tuple("shipment.updated", "PICKED_UP"), tuple("shipment.window-changed", "IN_TRANSIT"),
						tuple("shipment.updated", "EXCEPTION"), tuple("shipment.delivered", "DELIVERED"),
						tuple("order.status-changed", "DELIVERED"), tuple("order.status-changed", "CANCELLED"));

			assertThat(messages.get(1).data().get("reasons").get(0).get("code").asString()).isEqualTo("CREDIT_REVIEW");
			Message plannedShipment = messages.get(3);
			assertThat(plannedShipment.data().get("shipmentId").asString()).isEqualTo(shipmentId.toString());
			assertThat(plannedShipment.data().get("orderNumber").asString()).isEqualTo(number);
			assertThat(plannedShipment.data().get("trackingNumber").asString()).isEqualTo("NF0000000042");
			Message windowChanged = messages.get(5);
			assertThat(windowChanged.data().get("window").get("from").asString()).isEqualTo("2026-12-03T05:30:00Z");
			assertThat(windowChanged.data().get("window").get("basis").asString()).isEqualTo("PREDICTED");
			// How sure the window is travels with it, for the pages and the customer's systems to say.
			JsonNode confidence = windowChanged.data().get("window").get("confidence");
			assertThat(confidence.get("kind").asString()).isEqualTo("CALIBRATED");
			assertThat(confidence.get("samples").asInt()).isEqualTo(212);
			assertThat(confidence.get("coverage").asDouble()).isEqualTo(0.95);
			assertThat(windowChanged.data().get("previousWindow").has("confidence"))
				.as("a window from an event written before windows said how sure they are").isFalse();
			assertThat(windowChanged.data().get("occurredAt").asString()).isEqualTo("2026-12-03T04:50:00Z");
			assertThat(messages.get(6).data().get("reasons").get(0).get("message").asString()).isEqualTo("Road closed");
			assertThat(messages.get(7).data().get("occurredAt").asString()).isEqualTo("2026-12-03T05:33:20Z");
			assertThat(messages.get(9).data().get("reasons").get(0).get("message").asString())
				.isEqualTo("Changed my mind");
			assertThat(messages).extracting(message -> message.data().has("customerId")).containsOnly(false);
		}
	}

	@Test
	void receiverNeverSeesAnotherCustomersOrderThatNamesTheirSite() {
		UUID ownCustomer = UUID.randomUUID();
		UUID otherCustomer = UUID.randomUUID();
		UUID site = UUID.randomUUID();
		agreementNames(ownCustomer, site);
		UUID foreignOrder = UUID.randomUUID();
		UUID ownOrder = UUID.randomUUID();

		try (SseClient receiver = stream(TestTokens.receiver("mikko-test", ownCustomer, site))) {
			// Placed, not yet validated: validation will reject it, as the site is not on the other customer's agreement.
			events().publish(foreignOrder, TestEvents.placed(foreignOrder, otherCustomer, site));
			events().publish(foreignOrder, TestEvents.rejected(foreignOrder, otherCustomer,
					Reason.of("SITE_NOT_IN_AGREEMENT", "Not a site of this agreement")));
			events().publish(ownOrder, TestEvents.placed(ownOrder, ownCustomer, site));
			await().atMost(WAIT).until(() -> receiver.received(ownOrder) && rowsAbout(foreignOrder) == 2);

			assertThat(receiver.messagesAbout(foreignOrder)).isEmpty();
			assertThat(this.jdbc.queryForObject("SELECT count(*) FROM order_site WHERE order_id = ?", Integer.class,
					foreignOrder)).isZero();
		}
	}

	@Test
	void receiversOfTheSiteAShipmentGoesToFollowTheOrderFromThen() {
		UUID customer = UUID.randomUUID();
		UUID orderSite = UUID.randomUUID();
		UUID shipmentSite = UUID.randomUUID();
		UUID orderId = UUID.randomUUID();
		UUID shipmentId = UUID.randomUUID();
		agreementNames(customer, orderSite);
		agreementNames(customer, shipmentSite);

		try (SseClient receiver = stream(TestTokens.receiver("mikko-test", customer, shipmentSite))) {
			events().publish(orderId, TestEvents.placed(orderId, customer, orderSite));
			events().publish(orderId, new ShipmentPlanned(shipmentId, orderId, customer, shipmentSite,
					"nordic-freight", "NF0000000043", "PLANNED", List.of(new ShipmentLine(1, "CEM-25KG", 40, "PALLET")),
					new DeliveryWindow(T, T.plusSeconds(7200), "PLANNED", T.minusSeconds(86400)), 1,
					T.minusSeconds(1900)));
			await().atMost(WAIT).until(() -> receiver.messagesAbout(orderId).size() == 1);
			events().publish(orderId, new OrderDelivered(orderId, TestEvents.number(orderId), customer,
					T.plusSeconds(2100)));

			await().atMost(WAIT).until(() -> receiver.messagesAbout(orderId).size() == 2);
			assertThat(receiver.messagesAbout(orderId)).extracting(Message::event)
				.containsExactly("shipment.updated", "order.status-changed");
		}
	}
}

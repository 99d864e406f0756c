package org.leverans.delivery.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderAccepted;
import org.leverans.contracts.order.OrderCancelled;
import org.leverans.delivery.DeliveryIntegrationTest;
import org.leverans.delivery.TestOrders;
import org.leverans.delivery.shipment.Shipment;
import org.leverans.delivery.shipment.ShipmentStatus;
import org.leverans.testsupport.events.ReceivedEvent;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class PlanningIntegrationTest extends DeliveryIntegrationTest {

	static final LocalDate REQUESTED = LocalDate.of(2026, 12, 3);

	static final UUID JATKASAARI = UUID.fromString("11111111-0000-0000-0000-000000000001");

	static final UUID HAMMARBY = UUID.fromString("22222222-0000-0000-0000-000000000001");

	@Test
	void splitOrderWithALateLineIsPlannedAsTwoShipmentsAndPublishedOnceEach() {
		OrderAccepted order = TestOrders.order(TestOrders.RAKENNUS, DeliveryMode.SPLIT_ALLOWED, REQUESTED)
			.line(JATKASAARI, "FI", REQUESTED.minusDays(10))
			.line(JATKASAARI, "FI", REQUESTED.plusDays(3))
			.accepted();

		List<Shipment> planned = plan(order, 2);

		List<ReceivedEvent> events = shipmentEvents(order.orderId(), 2);
		assertThat(events).extracting(ReceivedEvent::type).containsOnly("leverans.shipment.planned.v1");
		assertThat(events).extracting(e -> e.body().get("shipmentsInOrder").asInt()).containsOnly(2);
		assertThat(events).extracting(ReceivedEvent::subject)
			.containsExactlyInAnyOrderElementsOf(planned.stream().map(s -> s.id().toString()).toList());
		assertThat(events).extracting(e -> e.body().get("carrier").asString()).containsOnly("nordic-freight");
		assertThat(events).extracting(e -> e.body().get("trackingNumber").asString())
			.allMatch(number -> number.matches("NF\\d{10}"));
		// 07:00–09:00 in Helsinki in December is 05:00–07:00 UTC.
		assertThat(events).extracting(e -> e.body().get("window").get("from").asString())
			.containsExactlyInAnyOrder("2026-12-03T05:00:00Z", "2026-12-06T05:00:00Z");
		assertThat(events).filteredOn(e -> e.body().get("window").get("from").asString().startsWith("2026-12-06"))
			.singleElement()
			.satisfies(late -> {
				assertThat(late.body().get("lines")).hasSize(1);
				assertThat(late.body().get("lines").get(0).get("lineNo").asInt()).isEqualTo(2);
				assertThat(late.body().get("window").get("to").asString()).isEqualTo("2026-12-06T07:00:00Z");
				assertThat(late.body().get("window").get("basis").asString()).isEqualTo("PLANNED");
			});
	}

	@Test
	void redeliveredOrAnsweredTwiceOrderAcceptedIsPlannedOnce() {
		OrderAccepted order = TestOrders.order(TestOrders.RAKENNUS, DeliveryMode.SPLIT_ALLOWED, REQUESTED)
			.line(JATKASAARI, "FI", null)
			.accepted();
		String eventId = UUID.randomUUID().toString();
		publishOrderEvent(order.orderId(), eventId, order);
		await().until(() -> this.shipments.ofOrder(order.orderId()).size() == 1);

		publishOrderEvent(order.orderId(), eventId, order);
		String second = publishOrderEvent(order.orderId(), order);
		await().until(() -> this.jdbc.queryForObject(
				"SELECT count(*) FROM messaging.inbox_event WHERE event_id = ?", Integer.class, second) == 1);

		assertThat(this.shipments.ofOrder(order.orderId())).hasSize(1);
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM messaging.outbox_event WHERE record_key = ? AND type = 'leverans.shipment.planned.v1'""",
				Integer.class, order.orderId().toString())).isOne();
	}

	@Test
	void completeSwedishOrderWaitsForItsLastLineWithTheSwedishCarrier() {
		OrderAccepted order = TestOrders.order(TestOrders.BYGG, DeliveryMode.COMPLETE, REQUESTED)
			.line(HAMMARBY, "SE", null)
			.line(HAMMARBY, "SE", REQUESTED.plusDays(2))
			.accepted();

		Shipment shipment = plan(order, 1).getFirst();

		assertThat(shipment.carrier()).isEqualTo("baltic-haulage");
		assertThat(shipment.trackingNumber()).matches("BH\\d{10}");
		assertThat(shipment.plannedDate()).isEqualTo(REQUESTED.plusDays(2));
		// Stockholm is UTC+1 in December.
		assertThat(shipment.window().from()).isEqualTo(Instant.parse("2026-12-05T06:00:00Z"));
		assertThat(this.shipments.lines(shipment.id())).hasSize(2);
	}

	@Test
	void cancelledOrderCancelsTheShipmentsNotYetPickedUp() throws Exception {
		OrderAccepted order = TestOrders.order(TestOrders.RAKENNUS, DeliveryMode.SPLIT_ALLOWED, REQUESTED)
			.line(JATKASAARI, "FI", null)
			.line(JATKASAARI, "FI", REQUESTED.plusDays(5))
			.accepted();
		List<Shipment> planned = plan(order, 2);
		Shipment pickedUp = planned.getFirst();
		this.mvc.perform(post("/api/partner/v1/shipment-events").with(carrier("nordic-freight"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"eventId":"%s","trackingNumber":"%s","type":"PICKED_UP","occurredAt":"%s"}"""
				.formatted(UUID.randomUUID(), pickedUp.trackingNumber(), Instant.now())))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.accepted").value(1));

		publishOrderEvent(order.orderId(),
				new OrderCancelled(order.orderId(), order.orderNumber(), order.customerId(), "anna", "not needed",
						Instant.now()));

		await().until(() -> this.shipments.find(planned.get(1).id()).orElseThrow().status() == ShipmentStatus.CANCELLED);
		assertThat(this.shipments.find(pickedUp.id()).orElseThrow().status()).isEqualTo(ShipmentStatus.PICKED_UP);
		List<ReceivedEvent> events = shipmentEvents(order.orderId(),
				received -> received.stream().anyMatch(e -> "CANCELLED".equals(e.body().path("status").asString())));
		assertThat(events).filteredOn(e -> "CANCELLED".equals(e.body().path("status").asString()))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.type()).isEqualTo("leverans.shipment.updated.v1");
				assertThat(e.subject()).isEqualTo(planned.get(1).id().toString());
			});
	}
}

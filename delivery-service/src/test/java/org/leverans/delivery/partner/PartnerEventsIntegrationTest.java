package org.leverans.delivery.partner;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderAccepted;
import org.leverans.delivery.DeliveryIntegrationTest;
import org.leverans.delivery.TestOrders;
import org.leverans.delivery.shipment.Shipment;
import org.leverans.delivery.shipment.ShipmentStatus;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class PartnerEventsIntegrationTest extends DeliveryIntegrationTest {

	static final UUID PASILA = UUID.fromString("11111111-0000-0000-0000-000000000002");

	static final UUID HAMMARBY = UUID.fromString("22222222-0000-0000-0000-000000000001");

	@Test
	void appliesTheValidEventsOfABatchAndRefusesTheRestOneByOne() throws Exception {
		Shipment shipment = finnishShipment();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant eta = now.plus(Duration.ofMinutes(50));
		String pickedUp = "nf-" + UUID.randomUUID();

		postEvents(carrier("nordic-freight"), """
				{"events":[
				 {"eventId":"%1$s","trackingNumber":"%2$s","type":"PICKED_UP","occurredAt":"%3$s"},
				 {"eventId":"%1$s","trackingNumber":"%2$s","type":"PICKED_UP","occurredAt":"%3$s"},
				 {"eventId":"nf-%5$s-a","trackingNumber":"NF9999999999","type":"IN_TRANSIT","occurredAt":"%3$s"},
				 {"eventId":"nf-%5$s-b","trackingNumber":"%2$s","type":"BEAMED_UP","occurredAt":"%3$s"},
				 {"eventId":"nf-%5$s-c","trackingNumber":"%2$s","type":"IN_TRANSIT","occurredAt":"%6$s"},
				 {"trackingNumber":"%2$s","type":"IN_TRANSIT","occurredAt":"%3$s"},
				 {"eventId":"nf-%5$s-d","shipmentId":"%7$s","type":"IN_TRANSIT","occurredAt":"%3$s","eta":"%4$s",
				  "position":{"lat":60.2,"lon":24.9}}
				]}""".formatted(pickedUp, shipment.trackingNumber(), now, eta, UUID.randomUUID(),
				now.plus(Duration.ofDays(1)), shipment.id()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.duplicates").value(1))
			.andExpect(jsonPath("$.rejected[*].index").value(org.hamcrest.Matchers.contains(2, 3, 4, 5)))
			.andExpect(jsonPath("$.rejected[*].code").value(org.hamcrest.Matchers.contains("UNKNOWN_SHIPMENT",
					"UNKNOWN_EVENT_TYPE", "OCCURRED_IN_FUTURE", "MISSING_EVENT_ID")))
			.andExpect(jsonPath("$.rejected[0].eventId").exists())
			.andExpect(jsonPath("$.rejected[0].message").isNotEmpty());

		postEvents(carrier("nordic-freight"), """
				{"eventId":"%s","trackingNumber":"%s","type":"PICKED_UP","occurredAt":"%s"}"""
			.formatted(pickedUp, shipment.trackingNumber(), now))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.accepted").value(0))
			.andExpect(jsonPath("$.duplicates").value(1));

		this.mvc.perform(get("/api/shipments/{id}", shipment.id()).with(carrier("nordic-freight")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_TRANSIT"))
			.andExpect(jsonPath("$.events", hasSize(2)))
			.andExpect(jsonPath("$.events[1].eta").value(eta.toString()))
			.andExpect(jsonPath("$.events[1].position.lat").value(60.2))
			.andExpect(jsonPath("$.window.basis").value("CARRIER_ETA"))
			.andExpect(jsonPath("$.window.from").value(eta.minus(Duration.ofMinutes(15)).toString()))
			.andExpect(jsonPath("$.window.to").value(eta.plus(Duration.ofMinutes(15)).toString()));

		var events = shipmentEvents(shipment.orderId(),
				received -> received.stream().anyMatch(e -> e.type().endsWith("window-changed.v1")));
		assertThat(events).filteredOn(e -> e.type().equals("leverans.shipment.updated.v1"))
			.extracting(e -> e.body().get("eventType").asString())
			.containsExactly("PICKED_UP", "IN_TRANSIT");
		assertThat(events).filteredOn(e -> e.type().equals("leverans.shipment.window-changed.v1"))
			.singleElement()
			.satisfies(changed -> {
				assertThat(changed.body().get("previousWindow").get("basis").asString()).isEqualTo("PLANNED");
				assertThat(changed.body().get("window").get("basis").asString()).isEqualTo("CARRIER_ETA");
			});
	}

	@Test
	void theTraceOfAPostGoesOnInTheShipmentEventsItCauses() throws Exception {
		Shipment shipment = finnishShipment();
		String traceId = "7b2e0f1d3c2b4a699887766554433221";

		this.mvc.perform(post("/api/partner/v1/shipment-events").with(carrier("nordic-freight"))
			.header("traceparent", "00-" + traceId + "-b3fb4a1d1a96d312-00")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"eventId":"nf-%s","trackingNumber":"%s","type":"IN_TRANSIT","occurredAt":"%s"}"""
				.formatted(UUID.randomUUID(), shipment.trackingNumber(), Instant.now().minusSeconds(5))))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.accepted").value(1));

		// applied in a turn's thread, with the trace of delivery-service's own span of the request
		assertThat(this.jdbc.queryForList("""
				SELECT traceparent FROM messaging.outbox_event WHERE subject = ? AND type = 'leverans.shipment.updated.v1'""",
				String.class, shipment.id().toString()))
			.singleElement()
			.asString()
			.matches("00-" + traceId + "-[0-9a-f]{16}-00");
	}

	@Test
	void theSameBatchPostedTwiceAtOnceAppliesEachEventOnce() throws Exception {
		Shipment first = finnishShipment();
		Shipment second = finnishShipment();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String batch = IntStream.range(0, 20)
			.mapToObj(i -> """
					{"eventId":"nf-%s-%d","trackingNumber":"%s","type":"IN_TRANSIT","occurredAt":"%s"}"""
				.formatted(first.id(), i, ((i % 2 == 0) ? first : second).trackingNumber(), now.minusSeconds(60 - i)))
			.collect(Collectors.joining(",", "{\"events\":[", "]}"));

		var posts = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var answers = IntStream.range(0, 2)
				.mapToObj(n -> posts.submit(() -> postEvents(carrier("nordic-freight"), batch).andReturn()))
				.toList();
			int accepted = 0;
			int duplicates = 0;
			for (var answer : answers) {
				var response = answer.get().getResponse();
				assertThat(response.getStatus()).isEqualTo(202);
				var body = new tools.jackson.databind.json.JsonMapper().readTree(response.getContentAsString());
				accepted += body.get("accepted").asInt();
				duplicates += body.get("duplicates").asInt();
			}
			assertThat(accepted).isEqualTo(20);
			assertThat(duplicates).isEqualTo(20);
		}
		finally {
			posts.shutdown();
		}
		assertThat(this.shipments.timeline(first.id())).hasSize(10);
		assertThat(this.shipments.timeline(second.id())).hasSize(10);
	}

	@Test
	void anotherCarriersShipmentIsUnknownAndStaysUntouched() throws Exception {
		OrderAccepted order = TestOrders.order(TestOrders.BYGG, DeliveryMode.COMPLETE, LocalDate.now().plusDays(2))
			.line(HAMMARBY, "SE", null)
			.accepted();
		Shipment swedish = plan(order, 1).getFirst();

		postEvents(carrier("nordic-freight"), """
				{"events":[
				 {"eventId":"nf-%1$s-1","trackingNumber":"%2$s","type":"PICKED_UP","occurredAt":"%4$s"},
				 {"eventId":"nf-%1$s-2","shipmentId":"%3$s","type":"DELIVERED","occurredAt":"%4$s"}
				]}""".formatted(UUID.randomUUID(), swedish.trackingNumber(), swedish.id(), Instant.now()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.accepted").value(0))
			.andExpect(jsonPath("$.rejected[*].code")
				.value(org.hamcrest.Matchers.contains("UNKNOWN_SHIPMENT", "UNKNOWN_SHIPMENT")));

		assertThat(this.shipments.find(swedish.id()).orElseThrow().status()).isEqualTo(ShipmentStatus.PLANNED);
		assertThat(this.shipments.timeline(swedish.id())).isEmpty();
		this.mvc.perform(get("/api/shipments/{id}", swedish.id()).with(carrier("nordic-freight")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aLateInTransitAfterDeliveredIsKeptButDoesNotReopenTheShipment() throws Exception {
		Shipment shipment = finnishShipment();
		Instant deliveredAt = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);

		postEvents(carrier("nordic-freight"), """
				{"eventId":"nf-%1$s-d","trackingNumber":"%2$s","type":"DELIVERED","occurredAt":"%3$s",
				 "proofOfDelivery":{"signedBy":"Mikko Korhonen","note":"Left by the crane"}}"""
			.formatted(UUID.randomUUID(), shipment.trackingNumber(), deliveredAt))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.accepted").value(1));
		postEvents(carrier("nordic-freight"), """
				{"eventId":"nf-%1$s-t","trackingNumber":"%2$s","type":"IN_TRANSIT","occurredAt":"%3$s"}"""
			.formatted(UUID.randomUUID(), shipment.trackingNumber(), deliveredAt.minus(Duration.ofMinutes(40))))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.accepted").value(1));

		this.mvc.perform(get("/api/shipments/{id}", shipment.id()).with(role("CUSTOMER_SERVICE")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DELIVERED"))
			.andExpect(jsonPath("$.events[*].type").value(org.hamcrest.Matchers.contains("IN_TRANSIT", "DELIVERED")))
			.andExpect(jsonPath("$.window.basis").value("ACTUAL"))
			.andExpect(jsonPath("$.window.from").value(deliveredAt.toString()))
			.andExpect(jsonPath("$.proofOfDelivery.signedBy").value("Mikko Korhonen"));

		var events = shipmentEvents(shipment.orderId(), received -> received.stream()
			.filter(e -> e.type().equals("leverans.shipment.updated.v1"))
			.count() == 2);
		assertThat(events).filteredOn(e -> e.type().equals("leverans.shipment.updated.v1"))
			.extracting(e -> e.body().get("status").asString())
			.containsExactly("DELIVERED", "DELIVERED");
		assertThat(events).filteredOn(e -> e.type().equals("leverans.shipment.delivered.v1"))
			.singleElement()
			.satisfies(delivered -> {
				assertThat(delivered.body().get("proofOfDelivery").get("note").asString())
					.isEqualTo("Left by the crane");
				assertThat(delivered.body().get("shipmentsInOrder").asInt()).isEqualTo(1);
				assertThat(delivered.body().get("deliveredAt").asString()).isEqualTo(deliveredAt.toString());
			});
	}

	@Test
	void aFailedDeliveryIsAnnouncedAsAShipmentException() throws Exception {
		Shipment shipment = finnishShipment();

		postEvents(carrier("nordic-freight"), """
				{"eventId":"nf-%s","shipmentId":"%s","type":"DELIVERY_FAILED","occurredAt":"%s","reason":"Gate locked"}"""
			.formatted(UUID.randomUUID(), shipment.id(), Instant.now()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.accepted").value(1));

		var events = shipmentEvents(shipment.orderId(),
				received -> received.stream().anyMatch(e -> e.type().equals("leverans.shipment.exception.v1")));
		assertThat(events).filteredOn(e -> e.type().equals("leverans.shipment.exception.v1"))
			.singleElement()
			.satisfies(exception -> {
				assertThat(exception.body().get("eventType").asString()).isEqualTo("DELIVERY_FAILED");
				assertThat(exception.body().get("reason").asString()).isEqualTo("Gate locked");
			});
		assertThat(this.shipments.find(shipment.id()).orElseThrow().status())
			.isEqualTo(ShipmentStatus.DELIVERY_FAILED);
	}

	@Test
	void refusesABatchOfMoreThanAThousandEventsAsAWhole() throws Exception {
		Shipment shipment = finnishShipment();
		String events = IntStream.range(0, 1001)
			.mapToObj(i -> "{\"eventId\":\"bulk-%s-%d\",\"trackingNumber\":\"%s\",\"type\":\"IN_TRANSIT\",\"occurredAt\":\"%s\"}"
				.formatted(shipment.id(), i, shipment.trackingNumber(), Instant.now()))
			.collect(Collectors.joining(",", "{\"events\":[", "]}"));

		postEvents(carrier("nordic-freight"), events).andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(413))
			.andExpect(jsonPath("$.detail").isNotEmpty());

		assertThat(this.shipments.timeline(shipment.id())).isEmpty();
	}

	@Test
	void onlyCarriersMayPostAndBadRequestsAreProblems() throws Exception {
		String event = "{\"eventId\":\"x\",\"trackingNumber\":\"NF1\",\"type\":\"IN_TRANSIT\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}";
		this.mvc.perform(post("/api/partner/v1/shipment-events").contentType(MediaType.APPLICATION_JSON).content(event))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
		postEvents(buyer(TestOrders.RAKENNUS), event).andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Forbidden"));
		postEvents(role("CARRIER"), event).andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		postEvents(carrier("nordic-freight"), "{\"events\":[").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].code").value("MALFORMED_JSON"));
		postEvents(carrier("nordic-freight"), "{\"events\":\"many\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("events"));
	}

	private Shipment finnishShipment() {
		OrderAccepted order = TestOrders.order(TestOrders.RAKENNUS, DeliveryMode.SPLIT_ALLOWED, LocalDate.now().plusDays(1))
			.line(PASILA, "FI", null)
			.accepted();
		return plan(order, 1).getFirst();
	}

	private ResultActions postEvents(RequestPostProcessor caller, String body) throws Exception {
		return this.mvc.perform(post("/api/partner/v1/shipment-events").with(caller)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}
}

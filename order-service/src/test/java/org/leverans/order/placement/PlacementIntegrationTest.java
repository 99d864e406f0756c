package org.leverans.order.placement;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.Topics;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.order.OrderServiceIntegrationTest;
import org.leverans.web.caller.Caller;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

class PlacementIntegrationTest extends OrderServiceIntegrationTest {

	@Autowired
	OrderPlacement placement;

	@Test
	void placesOrderAsPlacedAndPublishesOrderPlacedWithCloudEventsHeaders() throws Exception {
		MvcResult result = place(anna(), UUID.randomUUID().toString(), orderBody("PO-4711", JATKASAARI, PASILA));

		assertThat(result.getResponse().getStatus()).isEqualTo(202);
		JsonNode body = read(result);
		UUID id = UUID.fromString(body.get("id").asString());
		assertThat(body.get("orderNumber").asString()).matches("LV-\\d{6}");
		assertThat(body.get("status").asString()).isEqualTo("PLACED");
		assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/orders/" + id);
		assertThat(status(id)).isEqualTo("PLACED");

		ConsumerRecord<String, byte[]> record = awaitRecord(Topics.ORDER, id, "leverans.order.placed.v1");
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "ce_source")).isEqualTo("/leverans/order-service");
		assertThat(header(record, "ce_subject")).isEqualTo(id.toString());
		assertThat(header(record, "ce_id")).isNotBlank();
		assertThat(header(record, "ce_time")).isNotBlank();
		JsonNode event = this.json.readTree(new String(record.value(), StandardCharsets.UTF_8));
		assertThat(event.get("orderNumber").asString()).isEqualTo(body.get("orderNumber").asString());
		assertThat(event.get("customerId").asString()).isEqualTo(RAKENNUS.toString());
		assertThat(event.get("placedBy").asString()).isEqualTo("anna");
		assertThat(event.get("purchaseOrderNumber").asString()).isEqualTo("PO-4711");
		assertThat(event.get("lines")).hasSize(2);
		assertThat(event.get("lines").get(1).get("lineNo").asInt()).isEqualTo(2);
		assertThat(event.get("lines").get(1).get("siteId").asString()).isEqualTo(PASILA.toString());
	}

	@Test
	void theTraceOfThePlacementGoesOnInTheOrderPlacedRecord() throws Exception {
		String traceId = "5a1f0e7d3c2b4a699887766554433221";
		MvcResult result = this.mvc.perform(post("/api/orders").with(anna())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("traceparent", "00-" + traceId + "-a2fb4a1d1a96d312-00")
			.contentType(MediaType.APPLICATION_JSON)
			.content(orderBody("PO-TRACED", PASILA))).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(202);
		UUID id = UUID.fromString(read(result).get("id").asString());
		ConsumerRecord<String, byte[]> record = awaitRecord(Topics.ORDER, id, "leverans.order.placed.v1");
		// the same trace, from order-service's own span of the request
		assertThat(header(record, "traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-00");
	}

	@Test
	void orderNumbersFollowEachOther() throws Exception {
		String first = read(place(anna(), UUID.randomUUID().toString(), orderBody("PO-A", PASILA))).get("orderNumber")
			.asString();
		String second = read(place(anna(), UUID.randomUUID().toString(), orderBody("PO-B", PASILA))).get("orderNumber")
			.asString();

		assertThat(Integer.parseInt(second.substring(3))).isGreaterThan(Integer.parseInt(first.substring(3)));
	}

	@Test
	void sameKeyAndSameBodyAnswersTheSameOrderWithoutASecondOrderOrEvent() throws Exception {
		String key = UUID.randomUUID().toString();
		String body = orderBody("PO-REPLAY", JATKASAARI);

		MvcResult first = place(anna(), key, body);
		MvcResult again = place(anna(), key, body);

		assertThat(again.getResponse().getStatus()).isEqualTo(first.getResponse().getStatus()).isEqualTo(202);
		assertThat(again.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
		assertThat(again.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
		UUID id = UUID.fromString(read(first).get("id").asString());
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM customer_order WHERE purchase_order_number = 'PO-REPLAY'", Integer.class))
			.isOne();
		assertThat(outboxCount(id, "leverans.order.placed.v1")).isOne();
	}

	@Test
	void sameKeyWithADifferentBodyIsRefusedWithoutAnotherOrder() throws Exception {
		String key = UUID.randomUUID().toString();
		place(anna(), key, orderBody("PO-FIRST", JATKASAARI));

		MvcResult other = place(anna(), key, orderBody("PO-SECOND", JATKASAARI));

		assertThat(other.getResponse().getStatus()).isEqualTo(422);
		assertThat(other.getResponse().getContentType()).isEqualTo("application/problem+json");
		assertThat(read(other).get("type").asString()).isEqualTo("urn:leverans:problem:idempotency-key-reused");
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM customer_order WHERE purchase_order_number = 'PO-SECOND'", Integer.class))
			.isZero();
	}

	@Test
	void idempotencyKeysBelongToTheirCaller() throws Exception {
		String key = UUID.randomUUID().toString();
		String body = orderBody("PO-TWO-CALLERS", JATKASAARI);

		MvcResult byAnna = place(anna(), key, body);
		MvcResult byErp = place(token("rakennus-erp", RAKENNUS, List.of(), "ORDERER"), key, body);

		assertThat(byErp.getResponse().getStatus()).isEqualTo(202);
		assertThat(read(byErp).get("id")).isNotEqualTo(read(byAnna).get("id"));
	}

	@Test
	void concurrentRequestsWithOneKeyPlaceOneOrder() throws Exception {
		Caller caller = new Caller("race-erp", Set.of("ORDERER"), RAKENNUS, Set.of(), null);
		String key = UUID.randomUUID().toString();
		PlaceOrderRequest request = new PlaceOrderRequest("PO-RACE", DeliveryMode.COMPLETE,
				new PlaceOrderRequest.Slot(LocalDate.now().plusDays(5), LocalTime.of(7, 0), LocalTime.of(9, 0)),
				List.of(new PlaceOrderRequest.Line("CEM-25KG", 10, "PALLET", JATKASAARI)), null);
		Callable<OrderPlacement.Answer> attempt = () -> this.placement.place(caller, null, key, request, null);

		List<OrderPlacement.Answer> answers;
		try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
			List<Future<OrderPlacement.Answer>> futures = threads.invokeAll(List.of(attempt, attempt, attempt, attempt));
			answers = futures.stream().map(f -> {
				try {
					return f.get();
				}
				catch (Exception ex) {
					throw new AssertionError(ex);
				}
			}).toList();
		}

		assertThat(answers.stream().map(a -> a.order().id()).collect(Collectors.toSet())).hasSize(1);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM customer_order WHERE placed_by = 'race-erp'",
				Integer.class)).isOne();
		assertThat(outboxCount(answers.get(0).order().id(), "leverans.order.placed.v1")).isOne();
	}

	@Test
	void missingIdempotencyKeyIsA400NamingTheHeader() throws Exception {
		JwtRequestPostProcessor caller = token("no-key", RAKENNUS, List.of(), "ORDERER");
		MvcResult result = this.mvc.perform(post("/api/orders").with(caller)
			.contentType(MediaType.APPLICATION_JSON)
			.content(orderBody("PO-NOKEY", JATKASAARI))).andReturn();

		assertProblem(result, "Idempotency-Key", "REQUIRED");
		assertNothingStoredFor("no-key");
	}

	@Test
	void invalidFieldsAreEachNamed() throws Exception {
		String body = """
				{"purchaseOrderNumber":"PO-BAD","deliveryMode":"COMPLETE",
				 "requestedDelivery":{"date":null,"from":"09:00","to":"07:00"},
				 "lines":[{"sku":"CEM-25KG","quantity":0,"packageSize":"PALLET","siteId":"%s"},
				          {"sku":"no good!","quantity":3,"packageSize":"PALLET"}]}""".formatted(JATKASAARI);

		MvcResult result = place(token("bad-fields", RAKENNUS, List.of(), "ORDERER"), UUID.randomUUID().toString(),
				body);

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		JsonNode errors = read(result).get("errors");
		assertThat(errors.valueStream().map(e -> e.get("field").asString() + ":" + e.get("code").asString()))
			.contains("lines[0].quantity:TOO_SMALL", "lines[1].sku:INVALID_FORMAT", "lines[1].siteId:REQUIRED",
					"requestedDelivery.date:REQUIRED", "requestedDelivery.to:SLOT_NOT_IN_ORDER");
		assertNothingStoredFor("bad-fields");
	}

	@Test
	void orderWithoutLinesIsA400() throws Exception {
		String body = """
				{"deliveryMode":"COMPLETE","requestedDelivery":{"date":"2030-01-02","from":"07:00","to":"09:00"},
				 "lines":[]}""";

		MvcResult result = place(token("no-lines", RAKENNUS, List.of(), "ORDERER"), UUID.randomUUID().toString(),
				body);

		assertProblem(result, "lines", "REQUIRED");
		assertNothingStoredFor("no-lines");
	}

	@Test
	void unknownFieldIsA400NamingIt() throws Exception {
		String body = orderBody("PO-UNKNOWN", JATKASAARI).replace("\"packageSize\"", "\"colour\":\"red\",\"packageSize\"");

		MvcResult result = place(token("unknown-field", RAKENNUS, List.of(), "ORDERER"), UUID.randomUUID().toString(),
				body);

		assertProblem(result, "lines[0].colour", "UNKNOWN_FIELD");
		assertNothingStoredFor("unknown-field");
	}

	@Test
	void wrongTypeIsA400NamingTheField() throws Exception {
		String body = orderBody("PO-TYPE", JATKASAARI).replace("\"quantity\":40", "\"quantity\":\"many\"");

		MvcResult result = place(token("wrong-type", RAKENNUS, List.of(), "ORDERER"), UUID.randomUUID().toString(),
				body);

		assertProblem(result, "lines[0].quantity", "INVALID_VALUE");
		assertNothingStoredFor("wrong-type");
	}

	@Test
	void unknownDeliveryModeIsA400NamingTheField() throws Exception {
		String body = orderBody("PO-MODE", JATKASAARI).replace("SPLIT_ALLOWED", "WHENEVER");

		MvcResult result = place(token("wrong-mode", RAKENNUS, List.of(), "ORDERER"), UUID.randomUUID().toString(),
				body);

		assertProblem(result, "deliveryMode", "INVALID_VALUE");
	}

	@Test
	void malformedJsonIsA400() throws Exception {
		MvcResult result = place(token("malformed", RAKENNUS, List.of(), "ORDERER"), UUID.randomUUID().toString(),
				"{\"purchaseOrderNumber\": \"PO-1\",\n \"lines\": [");

		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
		assertThat(read(result).get("errors").get(0).get("code").asString()).isEqualTo("MALFORMED_JSON");
		assertNothingStoredFor("malformed");
	}

	@Test
	void onlyOrderersMayPlaceOrders() throws Exception {
		MvcResult result = place(mikko(), UUID.randomUUID().toString(), orderBody("PO-MIKKO", JATKASAARI));

		assertThat(result.getResponse().getStatus()).isEqualTo(403);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
	}

	@Test
	void requestsWithoutATokenAre401Problems() throws Exception {
		MvcResult result = this.mvc.perform(post("/api/orders").header("Idempotency-Key", "k")
			.contentType(MediaType.APPLICATION_JSON)
			.content(orderBody("PO-ANON", JATKASAARI))).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(401);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
		assertThat(read(result).get("status").asInt()).isEqualTo(401);
	}

	private void assertProblem(MvcResult result, String field, String code) throws Exception {
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
		JsonNode problem = read(result);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString() + ":" + e.get("code").asString()))
			.contains(field + ":" + code);
	}

	private void assertNothingStoredFor(String subject) {
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM customer_order WHERE placed_by = ?", Integer.class,
				subject)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE caller = ?", Integer.class,
				subject)).isZero();
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM messaging.outbox_event WHERE payload LIKE ?", Integer.class,
				"%\"placedBy\":\"" + subject + "\"%")).isZero();
	}

}

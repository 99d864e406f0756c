package org.leverans.credit.decision;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.order.OrderCancelled;
import org.leverans.contracts.order.OrderRejected;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.credit.account.CreditAccount;
import org.leverans.credit.testing.CreditServiceIntegrationTest;
import org.leverans.testsupport.events.ReceivedEvent;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CreditFlowIntegrationTest extends CreditServiceIntegrationTest {

	private static final String RESERVED = "leverans.credit.reserved.v1";

	private static final String DECLINED = "leverans.credit.declined.v1";

	private static final String REVIEW = "leverans.credit.review-required.v1";

	private static final String RELEASED = "leverans.credit.released.v1";

	@Test
	void reservesTheValidatedTotalAndPublishesCreditReserved() {
		CreditAccount account = newAccount("50000.00");
		OrderValidated order = validated(account.customerId(), "431.00", "EUR");

		produce(order.orderId(), order);

		JsonNode reserved = awaitEvent(order.orderId(), RESERVED);
		assertThat(reserved.path("amount").decimalValue()).isEqualByComparingTo("431.00");
		assertThat(reserved.path("exposure").decimalValue()).isEqualByComparingTo("431.00");
		assertThat(reserved.path("available").decimalValue()).isEqualByComparingTo("49569.00");
		assertThat(reserved.path("currency").asString()).isEqualTo("EUR");
		assertThat(reserved.path("decidedBy").asString()).isEqualTo("credit-service");
		assertThat(exposure(account.customerId())).isEqualByComparingTo("431.00");
	}

	@Test
	void appliesAnEventThatGainedFieldsWeDoNotKnowYet() {
		CreditAccount account = newAccount("50000.00");
		OrderValidated order = validated(account.customerId(), "100.00", "EUR");
		@SuppressWarnings("unchecked")
		Map<String, Object> body = new java.util.LinkedHashMap<>(this.json.convertValue(order, Map.class));
		body.put("promotionCode", "WINTER-26");

		produceAs(order.orderId(), OrderValidated.class, body);

		assertThat(awaitEvent(order.orderId(), RESERVED).path("amount").decimalValue()).isEqualByComparingTo("100.00");
	}

	@Test
	void redeliveredOrderValidatedReservesOnce() {
		CreditAccount account = newAccount("1000.00");
		OrderValidated order = validated(account.customerId(), "300.00", "EUR");
		String eventId = UUID.randomUUID().toString();
		String republished = UUID.randomUUID().toString();

		produceAll(List.of(Map.entry(order.orderId(), Map.entry(eventId, order)),
				Map.entry(order.orderId(), Map.entry(eventId, order)),
				Map.entry(order.orderId(), Map.entry(republished, order))));

		// The last record of the key has been handled, so both copies before it have been seen.
		await().atMost(Duration.ofSeconds(30)).until(() -> this.jdbc.queryForObject(
				"SELECT count(*) FROM messaging.inbox_event WHERE event_id = ?", Integer.class, republished) == 1);
		assertThat(exposure(account.customerId())).isEqualByComparingTo("300.00");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM messaging.outbox_event WHERE record_key = ?",
				Integer.class, order.orderId().toString())).isOne();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM reservation WHERE order_id = ?", Integer.class,
				order.orderId())).isOne();
	}

	@Test
	void declinesOrderFarOverTheLimit() {
		CreditAccount account = newAccount("1000.00");
		OrderValidated order = validated(account.customerId(), "1500.00", "EUR");

		produce(order.orderId(), order);

		JsonNode declined = awaitEvent(order.orderId(), DECLINED);
		assertThat(declined.path("reasons").get(0).path("code").asString()).isEqualTo("OVER_LIMIT");
		assertThat(exposure(account.customerId())).isEqualByComparingTo("0.00");
	}

	@Test
	void holdsBorderlineRatedCustomerForReview() {
		CreditAccount account = newAccount("20000.00");
		bureauRates(account.businessId(), "C");
		OrderValidated order = validated(account.customerId(), "500.00", "EUR");

		produce(order.orderId(), order);

		JsonNode review = awaitEvent(order.orderId(), REVIEW);
		assertThat(review.path("reasons").get(0).path("code").asString()).isEqualTo("RATING_TOO_LOW");
		UUID reviewId = UUID.fromString(review.path("reviewId").asString());
		assertThat(this.jdbc.queryForObject("SELECT status FROM credit_review WHERE id = ?", String.class, reviewId))
			.isEqualTo("OPEN");
		assertThat(exposure(account.customerId())).isEqualByComparingTo("0.00");
	}

	@Test
	void holdsOrderForReviewWhenTheBureauIsDown() {
		CreditAccount account = newAccount("20000.00");
		bureauStandIn.stubFor(get(urlPathEqualTo(ratingPath(account.businessId()))).atPriority(1)
			.willReturn(serverError()));
		OrderValidated order = validated(account.customerId(), "500.00", "EUR");

		produce(order.orderId(), order);

		JsonNode review = awaitEvent(order.orderId(), REVIEW);
		assertThat(review.path("reasons").get(0).path("code").asString()).isEqualTo("BUREAU_UNAVAILABLE");
	}

	@Test
	void declinesOrderOfCustomerWithoutCreditAccount() {
		OrderValidated order = validated(UUID.randomUUID(), "10.00", "EUR");

		produce(order.orderId(), order);

		assertThat(awaitEvent(order.orderId(), DECLINED).path("reasons").get(0).path("code").asString())
			.isEqualTo("OVER_LIMIT");
	}

	@Test
	void cancelledOrderReleasesItsReservationOnce() {
		CreditAccount account = newAccount("1000.00");
		OrderValidated order = validated(account.customerId(), "250.00", "EUR");
		produce(order.orderId(), order);
		awaitEvent(order.orderId(), RESERVED);
		OrderCancelled cancelled = new OrderCancelled(order.orderId(), "LV-1", account.customerId(), "anna",
				"changed plans", Instant.now());
		OrderRejected rejected = new OrderRejected(order.orderId(), "LV-1", account.customerId(), List.of(),
				Instant.now());
		String last = UUID.randomUUID().toString();

		produceAll(List.of(Map.entry(order.orderId(), Map.entry(UUID.randomUUID().toString(), cancelled)),
				Map.entry(order.orderId(), Map.entry(UUID.randomUUID().toString(), cancelled)),
				Map.entry(order.orderId(), Map.entry(last, rejected))));

		JsonNode released = awaitEvent(order.orderId(), RELEASED);
		assertThat(released.path("amount").decimalValue()).isEqualByComparingTo("250.00");
		assertThat(released.path("exposure").decimalValue()).isEqualByComparingTo("0.00");
		assertThat(released.path("reason").asString()).isEqualTo("ORDER_CANCELLED");
		await().atMost(Duration.ofSeconds(30)).until(() -> this.jdbc.queryForObject(
				"SELECT count(*) FROM messaging.inbox_event WHERE event_id = ?", Integer.class, last) == 1);
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM messaging.outbox_event WHERE record_key = ? AND type = ?", Integer.class,
				order.orderId().toString(), RELEASED)).isOne();
		assertThat(exposure(account.customerId())).isEqualByComparingTo("0.00");
	}

	@Test
	void orderValidatedAfterItsCancellationReservesNothing() {
		CreditAccount account = newAccount("1000.00");
		OrderValidated order = validated(account.customerId(), "250.00", "EUR");
		String cancellation = produce(order.orderId(), new OrderCancelled(order.orderId(), "LV-2",
				account.customerId(), "anna", "too slow", Instant.now()));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.jdbc.queryForObject(
				"SELECT count(*) FROM messaging.inbox_event WHERE event_id = ?", Integer.class, cancellation) == 1);

		String validation = produce(order.orderId(), order);

		await().atMost(Duration.ofSeconds(30)).until(() -> this.jdbc.queryForObject(
				"SELECT count(*) FROM messaging.inbox_event WHERE event_id = ?", Integer.class, validation) == 1);
		assertThat(exposure(account.customerId())).isEqualByComparingTo("0.00");
		assertThat(creditEvents.typesReceived(order.orderId())).isEmpty();
	}

	@Test
	void ordersRacingForTheLastCreditNeverTakeExposureOverTheLimit() {
		CreditAccount account = newAccount("1000.00");
		List<Map.Entry<UUID, Map.Entry<String, Object>>> orders = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			OrderValidated order = validated(account.customerId(), "100.00", "EUR");
			orders.add(Map.entry(order.orderId(), Map.entry(UUID.randomUUID().toString(), order)));
		}

		produceAll(orders);

		await().atMost(Duration.ofSeconds(60)).until(() -> orders.stream()
			.allMatch(order -> !creditEvents.typesReceived(order.getKey()).isEmpty()));
		List<JsonNode> reserved = new ArrayList<>();
		int heldOrDeclined = 0;
		for (Map.Entry<UUID, Map.Entry<String, Object>> order : orders) {
			List<ReceivedEvent> events = creditEvents.received(order.getKey());
			assertThat(events).hasSize(1);
			if (RESERVED.equals(events.get(0).type())) {
				reserved.add(events.get(0).body());
			}
			else {
				assertThat(events.get(0).type()).isIn(REVIEW, DECLINED);
				heldOrDeclined++;
			}
		}
		assertThat(reserved).hasSize(10);
		assertThat(heldOrDeclined).isEqualTo(10);
		assertThat(reserved).allSatisfy(event -> assertThat(event.path("exposure").decimalValue())
			.isLessThanOrEqualTo(new BigDecimal("1000.00")));
		assertThat(exposure(account.customerId())).isEqualByComparingTo("1000.00");
		assertThat(openReservationTotal(account.customerId())).isEqualByComparingTo("1000.00");
	}

	private JsonNode awaitEvent(UUID orderId, String type) {
		await().atMost(Duration.ofSeconds(30)).until(() -> creditEvents.typesReceived(orderId).contains(type));
		return creditEvents.received(orderId)
			.stream()
			.filter(event -> type.equals(event.type()))
			.map(event -> event.body())
			.findFirst()
			.orElseThrow();
	}
}

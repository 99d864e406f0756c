package org.leverans.notification.arrival;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.DeliveryWindowChanged;
import org.leverans.contracts.shipment.ProofOfDelivery;
import org.leverans.contracts.shipment.ShipmentDelivered;
import org.leverans.contracts.shipment.ShipmentPlanned;
import org.leverans.contracts.shipment.ShipmentUpdated;
import org.leverans.contracts.shipment.WindowConfidence;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.SseClient;
import org.leverans.notification.SseClient.Message;
import org.leverans.notification.TestEvents;
import org.leverans.notification.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leverans.notification.TestEvents.window;

class ArrivalAlertIntegrationTest extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final Duration LEAD = Duration.ofMinutes(30);

	private final UUID customer = UUID.randomUUID();

	private final UUID site = UUID.randomUUID();

	private final UUID orderId = UUID.randomUUID();

	private final UUID shipmentId = UUID.randomUUID();

	@Autowired
	private ArrivalAlerts job;

	@Test
	void receiverIsAlertedLeadTimeBeforeTheWindowStarts() {
		Instant windowFrom = Instant.now().plus(LEAD).plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
		agreementNames(this.customer, this.site);
		try (SseClient mikko = stream(TestTokens.receiver("mikko-test", this.customer, this.site))) {
			events().publish(this.orderId, TestEvents.placed(this.orderId, this.customer, this.site));
			await().atMost(WAIT).until(() -> mikko.received(this.orderId));
			DeliveryWindow window = new DeliveryWindow(windowFrom, windowFrom.plus(Duration.ofHours(2)), "PLANNED",
					Instant.now(), WindowConfidence.pooled(60, 0.95));
			ShipmentPlanned planned = planned(windowFrom);
			events().publish(this.orderId, new ShipmentPlanned(planned.shipmentId(), planned.orderId(),
					planned.customerId(), planned.siteId(), planned.carrier(), planned.trackingNumber(),
					planned.status(), planned.lines(), window, planned.shipmentsInOrder(), planned.plannedAt()));

			await().atMost(WAIT).until(() -> !arrivals(mikko).isEmpty());
			Message alert = arrivals(mikko).getFirst();
			Instant alertedAt = Instant.parse(alert.data().get("occurredAt").asString());
			assertThat(alertedAt).isAfterOrEqualTo(windowFrom.minus(LEAD));
			assertThat(alert.data().get("arrivesInMinutes").asLong()).isEqualTo(30);
			assertThat(alert.data().get("shipmentId").asString()).isEqualTo(this.shipmentId.toString());
			assertThat(alert.data().get("orderNumber").asString()).isEqualTo(TestEvents.number(this.orderId));
			assertThat(alert.data().get("window").get("from").asString()).isEqualTo(windowFrom.toString());
			assertThat(alert.data().get("trackingNumber").asString()).isEqualTo("NF0000000077");
			// The alert repeats the window as it was drawn, with how sure it is.
			assertThat(alert.data().get("window").get("confidence").get("kind").asString()).isEqualTo("POOLED");
			assertThat(alert.data().get("window").get("confidence").get("samples").asInt()).isEqualTo(60);
			assertThat(alert.data().get("window").get("confidence").get("coverage").asDouble()).isEqualTo(0.95);
		}
	}

	@Test
	void movedWindowRetimesThePendingAlertAndItGoesOutOnce() {
		try (SseClient mikko = stream(TestTokens.receiver("mikko-test", this.customer, this.site))) {
			Instant farAway = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
			events().publish(this.orderId, planned(farAway));
			await().atMost(WAIT).ignoreExceptions().until(() -> dueAt().equals(farAway.minus(LEAD)));
			assertThat(arrivals(mikko)).isEmpty();

			Instant soon = Instant.now().plus(LEAD).plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
			events().publish(this.orderId, windowChanged(soon, farAway));
			await().atMost(WAIT).until(() -> arrivals(mikko).size() == 1);
			assertThat(arrivals(mikko).getFirst().data().get("window").get("from").asString())
				.isEqualTo(soon.toString());

			Instant sooner = soon.minusSeconds(600);
			events().publish(this.orderId, windowChanged(sooner, soon));
			await().atMost(WAIT).until(() -> windowChanges(mikko) == 2);
			assertThat(this.job.sendDue()).isZero();
			assertThat(this.jdbc.queryForObject(
					"SELECT count(*) FROM stream_event WHERE shipment_id = ? AND event_name = 'shipment.arriving'",
					Integer.class, this.shipmentId))
				.isEqualTo(1);
		}
	}

	@Test
	void partnerSayingArrivingAlertsAtOnce() {
		Instant farAway = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
		try (SseClient anna = stream(TestTokens.orderer("anna-test", this.customer))) {
			events().publish(this.orderId, planned(farAway));
			events().publish(this.orderId, new ShipmentUpdated(this.shipmentId, this.orderId, this.customer,
					this.site, "nordic-freight", "NF0000000077", "ARRIVING", "ARRIVING", Instant.now(),
					window(farAway)));
			await().atMost(WAIT).until(() -> arrivals(anna).size() == 1);
			assertThat(arrivals(anna).getFirst().data().get("status").asString()).isEqualTo("ARRIVING");
		}
	}

	@Test
	void deliveredShipmentIsNotAlerted() {
		Instant farAway = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
		try (SseClient anna = stream(TestTokens.orderer("anna-test", this.customer))) {
			events().publish(this.orderId, planned(farAway));
			events().publish(this.orderId, new ShipmentDelivered(this.shipmentId, this.orderId, this.customer,
					this.site, "nordic-freight", "NF0000000077", Instant.now(), new ProofOfDelivery("Mikko", null), 1));
			await().atMost(WAIT)
				.until(() -> anna.messagesAbout(this.orderId).stream().anyMatch(m -> m.event().equals("shipment.delivered")));

			// Even a window change that slips through afterwards cannot bring the alert back.
			events().publish(this.orderId, windowChanged(Instant.now().plus(LEAD), farAway));
			await().atMost(WAIT).until(() -> windowChanges(anna) == 1);
			assertThat(this.jdbc.queryForObject(
					"SELECT cancelled_at IS NOT NULL AND sent_at IS NULL FROM arrival_alert WHERE shipment_id = ?",
					Boolean.class, this.shipmentId))
				.isTrue();
			assertThat(this.job.sendDue()).isZero();
			assertThat(arrivals(anna)).isEmpty();
		}
	}

	private ShipmentPlanned planned(Instant from) {
		return TestEvents.shipmentPlanned(this.shipmentId, this.orderId, this.customer, this.site, "NF0000000077", from);
	}

	private DeliveryWindowChanged windowChanged(Instant from, Instant previousFrom) {
		return TestEvents.windowChanged(this.shipmentId, this.orderId, this.customer, this.site, from, previousFrom);
	}

	private Instant dueAt() {
		return this.jdbc.queryForObject("SELECT due_at FROM arrival_alert WHERE shipment_id = ?",
				Timestamp.class, this.shipmentId).toInstant();
	}

	private List<Message> arrivals(SseClient client) {
		return client.messagesAbout(this.orderId).stream().filter(m -> m.event().equals("shipment.arriving")).toList();
	}

	private long windowChanges(SseClient client) {
		return client.messagesAbout(this.orderId)
			.stream()
			.filter(m -> m.event().equals("shipment.window-changed"))
			.count();
	}
}

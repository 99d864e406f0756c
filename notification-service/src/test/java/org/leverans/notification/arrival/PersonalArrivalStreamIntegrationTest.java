package org.leverans.notification.arrival;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.shipment.DeliveryWindowChanged;
import org.leverans.contracts.shipment.ShipmentPlanned;
import org.leverans.contracts.shipment.ShipmentUpdated;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.SseClient;
import org.leverans.notification.SseClient.Message;
import org.leverans.notification.TestEvents;
import org.leverans.notification.TestTokens;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leverans.notification.TestEvents.window;

/**
 * The live {@code shipment.arriving} at each person's own lead time: aimed at them when it is not the default,
 * the shared one for everyone else, never both, and never to anyone else's stream or a webhook.
 */
class PersonalArrivalStreamIntegrationTest extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final UUID customer = UUID.randomUUID();

	private final UUID site = UUID.randomUUID();

	private final UUID orderId = UUID.randomUUID();

	private final UUID shipmentId = UUID.randomUUID();

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private final Instant farAway = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);

	@Autowired
	private ArrivalAlerts notices;

	@Autowired
	private ArrivalAlerts sharedAlerts;

	private WireMockServer webhookReceiver;

	@BeforeEach
	void startWebhookReceiver() {
		this.webhookReceiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.webhookReceiver.start();
		this.webhookReceiver.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(204)));
	}

	@AfterEach
	void stopWebhookReceiver() {
		this.webhookReceiver.stop();
	}

	@Test
	void personWithOwnLeadTimeGetsArrivingOnTheirStreamAtThatTimeAndNotAgainWithTheSharedOne() {
		String early = receiver("early", 90);
		String usual = receiver("usual", null);
		try (SseClient earlyStream = stream(early); SseClient usualStream = stream(usual)) {
			placeOrder();
			events().publish(this.orderId, planned(this.farAway));
			await().atMost(WAIT).until(() -> windowKnown(this.farAway));
			assertThat(this.notices.sendDue()).isZero();

			// The window moves to 90 minutes away before the alert was due: re-timed, it goes to the early one now.
			Instant in90 = inMinutes(90);
			events().publish(this.orderId, windowChanged(in90, this.farAway));
			await().atMost(WAIT).until(() -> arrivals(earlyStream).size() == 1);
			Message own = arrivals(earlyStream).getFirst();
			assertThat(own.data().get("arrivesInMinutes").asLong()).isEqualTo(90);
			assertThat(own.data().get("window").get("from").asString()).isEqualTo(in90.toString());
			assertThat(arrivals(usualStream)).isEmpty();

			// At 30 minutes the shared alert goes: the usual receiver gets it, the early one does not get a second.
			Instant in30 = inMinutes(30);
			events().publish(this.orderId, windowChanged(in30, in90));
			await().atMost(WAIT).until(() -> arrivals(usualStream).size() == 1);
			assertThat(arrivals(usualStream).getFirst().data().get("arrivesInMinutes").asLong()).isEqualTo(30);
			assertThat(arrivals(usualStream).getFirst().id()).isGreaterThan(own.id());

			// A later change marks that the early stream was offered everything before it.
			events().publish(this.orderId, windowChanged(in30.minusSeconds(600), in30));
			await().atMost(WAIT).until(() -> windowChanges(earlyStream) == 3 && windowChanges(usualStream) == 3);
			assertThat(this.notices.sendDue()).isZero();
			assertThat(this.sharedAlerts.sendDue()).isZero();
			assertThat(arrivals(earlyStream)).hasSize(1);
			assertThat(arrivals(usualStream)).hasSize(1);
			assertThat(this.jdbc.queryForList("""
					SELECT coalesce(recipient, 'everyone') FROM stream_event
					WHERE shipment_id = ? AND event_name = 'shipment.arriving' ORDER BY id""", String.class,
					this.shipmentId))
				.containsExactly(subject("early"), "everyone");
		}
	}

	@Test
	void siteLeadTimeAimsTheArrivingAtItsReceiversWhoDidNotChooseTheirOwn() {
		String mikko = receiver("site-lead", null);
		String manager = TestTokens.person("manager-" + this.suffix, List.of("AGREEMENT_MANAGER"), this.customer,
				List.of(), null, null, Duration.ofMinutes(10));
		assertThat(call("PUT", "/api/subscriptions/sites/" + this.site, manager, "{\"arrivalLeadMinutes\":120}")
			.statusCode()).isEqualTo(200);
		try (SseClient mikkoStream = stream(mikko); SseClient managerStream = stream(manager)) {
			placeOrder();
			Instant in120 = inMinutes(120);
			events().publish(this.orderId, planned(in120));
			await().atMost(WAIT).until(() -> arrivals(mikkoStream).size() == 1);
			assertThat(arrivals(mikkoStream).getFirst().data().get("arrivesInMinutes").asLong()).isEqualTo(120);

			// The manager is no receiver of the site: the site's lead time is not theirs, they get the shared one.
			Instant in30 = inMinutes(30);
			events().publish(this.orderId, windowChanged(in30, in120));
			await().atMost(WAIT).until(() -> arrivals(managerStream).size() == 1);
			events().publish(this.orderId, windowChanged(in30.minusSeconds(600), in30));
			await().atMost(WAIT).until(() -> windowChanges(mikkoStream) == 2);
			assertThat(arrivals(mikkoStream)).hasSize(1);
			assertThat(arrivals(managerStream).getFirst().data().get("arrivesInMinutes").asLong()).isEqualTo(30);
		}
	}

	@Test
	void partnerSayingArrivingSendsTheOwnAlertAtOnceInsteadOfTheSharedOne() {
		String late = receiver("late", 5);
		try (SseClient lateStream = stream(late)) {
			placeOrder();
			events().publish(this.orderId, planned(this.farAway));
			events().publish(this.orderId, new ShipmentUpdated(this.shipmentId, this.orderId, this.customer,
					this.site, "nordic-freight", "NF0000000090", "ARRIVING", "ARRIVING", Instant.now(),
					window(this.farAway)));
			await().atMost(WAIT).until(() -> arrivals(lateStream).size() == 1);
			await().atMost(WAIT).until(() -> arrivalRows() == 2);

			events().publish(this.orderId, windowChanged(this.farAway.plusSeconds(600), this.farAway));
			await().atMost(WAIT).until(() -> windowChanges(lateStream) == 1);
			assertThat(arrivals(lateStream)).hasSize(1);
			assertThat(this.jdbc.queryForObject("SELECT recipient FROM stream_event WHERE id = ?", String.class,
					arrivals(lateStream).getFirst().id()))
				.isEqualTo(subject("late"));
		}
	}

	@Test
	void resumingAcrossSomeoneElsesAimedRowHasNoGapAndNoDuplicate() {
		String early = receiver("resume-early", 90);
		String usual = receiver("resume-usual", null);
		long before;
		try (SseClient usualStream = stream(usual)) {
			placeOrder();
			await().atMost(WAIT).until(() -> usualStream.received(this.orderId));
			before = usualStream.lastId();
		}
		// While both are away: a window change, the early one's own alert, another change.
		Instant in90 = inMinutes(90);
		events().publish(this.orderId, planned(in90));
		await().atMost(WAIT).until(() -> arrivalRows() == 1);
		events().publish(this.orderId, windowChanged(in90.plusSeconds(60), in90));
		await().atMost(WAIT).until(() -> windowKnown(in90.plusSeconds(60)));
		List<Long> everyones = this.jdbc.queryForList(
				"SELECT id FROM stream_event WHERE id > ? AND customer_id = ? AND recipient IS NULL ORDER BY id",
				Long.class, before, this.customer);
		List<Long> withAimed = this.jdbc.queryForList(
				"SELECT id FROM stream_event WHERE id > ? AND customer_id = ? ORDER BY id", Long.class, before,
				this.customer);
		assertThat(withAimed).hasSize(everyones.size() + 1);

		try (SseClient usualStream = resume(usual, before); SseClient earlyStream = resume(early, before)) {
			await().atMost(WAIT).until(() -> usualStream.messages().size() >= everyones.size());
			await().atMost(WAIT).until(() -> earlyStream.messages().size() >= withAimed.size());
			// Something new after the resume proves nothing was held back either.
			events().publish(this.orderId, windowChanged(in90.plusSeconds(120), in90.plusSeconds(60)));
			await().atMost(WAIT).until(() -> windowChanges(usualStream) == 2 && windowChanges(earlyStream) == 2);
			long latest = this.jdbc.queryForObject("SELECT max(id) FROM stream_event WHERE customer_id = ?",
					Long.class, this.customer);

			assertThat(ids(usualStream)).containsExactlyElementsOf(concat(everyones, latest));
			assertThat(ids(earlyStream)).containsExactlyElementsOf(concat(withAimed, latest));
			assertThat(arrivals(usualStream)).isEmpty();
			assertThat(arrivals(earlyStream)).hasSize(1);
		}
	}

	@Test
	void webhooksGetTheSharedArrivingButNeverAnAimedOne() {
		String manager = TestTokens.person("hooks-" + this.suffix, List.of("AGREEMENT_MANAGER"), this.customer,
				List.of(), null, null, Duration.ofMinutes(10));
		String url = "http://localhost:" + this.webhookReceiver.port() + "/hooks";
		assertThat(call("POST", "/api/webhooks", manager,
				json.writeValueAsString(Map.of("url", url, "events", List.of("shipment.arriving"))))
			.statusCode()).isEqualTo(201);
		receiver("hooked-early", 90);
		placeOrder();
		Instant in90 = inMinutes(90);
		events().publish(this.orderId, planned(in90));
		await().atMost(WAIT).until(() -> arrivalRows() == 1);
		events().publish(this.orderId, windowChanged(inMinutes(30), in90));
		await().atMost(WAIT).until(() -> arrivalRows() == 2);
		await().atMost(WAIT).until(() -> received().size() == 1);
		long shared = this.jdbc.queryForObject("""
				SELECT id FROM stream_event
				WHERE shipment_id = ? AND event_name = 'shipment.arriving' AND recipient IS NULL""", Long.class,
				this.shipmentId);
		// The planner has read past both rows; only the shared one became a delivery.
		await().atMost(WAIT)
			.until(() -> this.jdbc.queryForObject("SELECT last_stream_event_id FROM webhook_cursor WHERE id = 1",
					Long.class) >= shared);
		assertThat(this.jdbc.queryForList("""
				SELECT d.stream_event_id FROM webhook_delivery d JOIN stream_event e ON e.id = d.stream_event_id
				WHERE e.shipment_id = ?""", Long.class, this.shipmentId))
			.containsExactly(shared);
		assertThat(received()).hasSize(1);
		assertThat(received().getFirst().getBodyAsString()).contains("\"arrivesInMinutes\":30");
	}

	/** A receiver of the test site with an e-mail address and, if given, their own lead time. */
	private String receiver(String name, Integer leadMinutes) {
		String subject = subject(name);
		String token = TestTokens.person(subject, List.of("RECEIVER"), this.customer, List.of(this.site),
				subject + "@site.example", "en", Duration.ofMinutes(10));
		String choice = (leadMinutes != null) ? "{\"arrivalLeadMinutes\":" + leadMinutes + "}" : "{}";
		assertThat(call("PUT", "/api/subscriptions/me", token, choice).statusCode()).isEqualTo(200);
		return token;
	}

	private String subject(String name) {
		return name + "-" + this.suffix;
	}

	private void placeOrder() {
		agreementNames(this.customer, this.site);
		events().publish(this.orderId, TestEvents.placed(this.orderId, this.customer, this.site));
		await().atMost(WAIT).until(() -> rowsAbout(this.orderId) >= 1);
	}

	/** A window start a little over {@code minutes} away, so an alert of that lead time falls due in a moment. */
	private static Instant inMinutes(long minutes) {
		return Instant.now().plus(Duration.ofMinutes(minutes)).plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
	}

	private boolean windowKnown(Instant from) {
		return this.jdbc.queryForObject("SELECT count(*) FROM arrival_alert WHERE shipment_id = ? AND window_from = ?",
				Integer.class, this.shipmentId, java.sql.Timestamp.from(from)) == 1;
	}

	private int arrivalRows() {
		return this.jdbc.queryForObject(
				"SELECT count(*) FROM stream_event WHERE shipment_id = ? AND event_name = 'shipment.arriving'",
				Integer.class, this.shipmentId);
	}

	private List<LoggedRequest> received() {
		return this.webhookReceiver.findAll(postRequestedFor(urlEqualTo("/hooks")));
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

	private static List<Long> ids(SseClient client) {
		return client.messages().stream().map(Message::id).toList();
	}

	private static List<Long> concat(List<Long> ids, long last) {
		List<Long> all = new java.util.ArrayList<>(ids);
		all.add(last);
		return all;
	}

	private ShipmentPlanned planned(Instant from) {
		return TestEvents.shipmentPlanned(this.shipmentId, this.orderId, this.customer, this.site, "NF0000000090", from);
	}

	private DeliveryWindowChanged windowChanged(Instant from, Instant previousFrom) {
		return TestEvents.windowChanged(this.shipmentId, this.orderId, this.customer, this.site, from, previousFrom);
	}
}

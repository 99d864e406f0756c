package org.leverans.notification.arrival;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.shipment.DeliveryWindowChanged;
import org.leverans.contracts.shipment.ProofOfDelivery;
import org.leverans.contracts.shipment.ShipmentDelivered;
import org.leverans.contracts.shipment.ShipmentLine;
import org.leverans.contracts.shipment.ShipmentPlanned;
import org.leverans.contracts.shipment.ShipmentUpdated;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.TestEvents;
import org.leverans.notification.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leverans.notification.TestEvents.window;

/** Each person's "arriving soon" e-mail at their own lead time, once per shipment. */
class ArrivalLeadTimeIntegrationTest extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final UUID customer = UUID.randomUUID();

	private final UUID site = UUID.randomUUID();

	private final UUID orderId = UUID.randomUUID();

	private final UUID shipmentId = UUID.randomUUID();

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	private ArrivalAlerts job;

	@Test
	void twoReceiversOfOneSiteAreEachAlertedOnceAtTheirOwnLeadTimeAlsoAfterTheWindowMoves() throws Exception {
		String early = receiver("early", "{\"arrivalLeadMinutes\":90}");
		String late = receiver("late", "{\"arrivalLeadMinutes\":30}");
		placeOrder();
		Instant farAway = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
		events().publish(this.orderId, planned(farAway));
		await().atMost(WAIT).until(() -> alertKnown());
		assertThat(this.job.sendDue()).isZero();

		// Now 90 minutes away: the one who asked for 90 minutes hears at once, the other not yet.
		Instant in90 = Instant.now().plus(Duration.ofMinutes(90)).plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
		events().publish(this.orderId, windowChanged(in90, farAway));
		await().atMost(WAIT).until(() -> arrivalMails(early).size() == 1);
		assertThat(arrivalMails(early).getFirst().getSubject())
			.isEqualTo("Order " + TestEvents.number(this.orderId) + " arrives in about 90 minutes");
		assertThat(arrivalMails(late)).isEmpty();

		// The window moves to 30 minutes away before the second alert went: it is re-timed and goes now.
		Instant in30 = Instant.now().plus(Duration.ofMinutes(30)).plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
		String moved = events().publish(this.orderId, windowChanged(in30, in90));
		await().atMost(WAIT).until(() -> arrivalMails(late).size() == 1);
		assertThat(arrivalMails(late).getFirst().getSubject()).endsWith("arrives in about 30 minutes");

		// A redelivered window change, another move and more passes send nobody a second alert.
		events().publish(this.orderId, windowChanged(in30, in90), moved);
		events().publish(this.orderId, windowChanged(in30.minusSeconds(600), in30));
		await().atMost(WAIT).until(() -> windowFrom().equals(in30.minusSeconds(600)));
		assertThat(this.job.sendDue()).isZero();
		assertThat(arrivalMails(early)).hasSize(1);
		assertThat(arrivalMails(late)).hasSize(1);
		assertThat(this.jdbc.queryForList(
				"SELECT lead_minutes FROM arrival_notice WHERE shipment_id = ? AND channel = 'email' ORDER BY sent_at",
				Integer.class, this.shipmentId))
			.containsExactly(90, 30);
	}

	@Test
	void siteLeadTimeTimesItsReceiversWhoDidNotChooseTheirOwn() throws Exception {
		String mikko = receiver("site-lead", null);
		String manager = TestTokens.person("manager-" + this.suffix, List.of("AGREEMENT_MANAGER"), this.customer,
				List.of(), null, null, Duration.ofMinutes(10));
		assertThat(call("PUT", "/api/subscriptions/sites/" + this.site, manager, "{\"arrivalLeadMinutes\":120}")
			.statusCode()).isEqualTo(200);
		placeOrder();
		Instant in2h = Instant.now().plus(Duration.ofMinutes(120)).plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
		events().publish(this.orderId, planned(in2h));

		await().atMost(WAIT).until(() -> arrivalMails(mikko).size() == 1);
		assertThat(arrivalMails(mikko).getFirst().getSubject()).endsWith("arrives in about 120 minutes");
	}

	@Test
	void partnerSayingArrivingAlertsEveryoneAtOnceButNeverForADeliveredShipment() throws Exception {
		String mikko = receiver("arriving", "{\"arrivalLeadMinutes\":5}");
		placeOrder();
		Instant farAway = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
		events().publish(this.orderId, planned(farAway));
		events().publish(this.orderId, new ShipmentUpdated(this.shipmentId, this.orderId, this.customer, this.site,
				"nordic-freight", "NF0000000088", "ARRIVING", "ARRIVING", Instant.now(), window(farAway)));
		await().atMost(WAIT).until(() -> arrivalMails(mikko).size() == 1);

		UUID deliveredShipment = UUID.randomUUID();
		Instant soon = Instant.now().plus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.SECONDS);
		events().publish(this.orderId, new ShipmentPlanned(deliveredShipment, this.orderId, this.customer, this.site,
				"nordic-freight", "NF0000000089", "PLANNED", List.of(new ShipmentLine(1, "CEM-25KG", 40, "PALLET")),
				window(farAway), 1, Instant.now()));
		events().publish(this.orderId, new ShipmentDelivered(deliveredShipment, this.orderId, this.customer, this.site,
				"nordic-freight", "NF0000000089", Instant.now(), new ProofOfDelivery("Mikko", null), 1));
		events().publish(this.orderId, new DeliveryWindowChanged(deliveredShipment, this.orderId, this.customer,
				this.site, "IN_TRANSIT", window(soon), null));
		// The window change after the delivery is applied, yet the alert stays withdrawn.
		await().atMost(WAIT)
			.until(() -> this.jdbc.queryForObject("SELECT count(*) FROM stream_event WHERE shipment_id = ? "
					+ "AND event_name = 'shipment.window-changed'", Integer.class, deliveredShipment) == 1);
		this.job.sendDue();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM arrival_notice WHERE shipment_id = ?",
				Integer.class, deliveredShipment)).isZero();
		assertThat(arrivalMails(mikko)).hasSize(1);
	}

	/** A receiver of the test site with an e-mail address, registered by their first call. */
	private String receiver(String name, String choice) {
		String subject = name + "-" + this.suffix;
		String token = TestTokens.person(subject, List.of("RECEIVER"), this.customer, List.of(this.site),
				address(subject), "en", Duration.ofMinutes(10));
		if (choice != null) {
			assertThat(call("PUT", "/api/subscriptions/me", token, choice).statusCode()).isEqualTo(200);
		}
		else {
			assertThat(call("GET", "/api/subscriptions/me", token, null).statusCode()).isEqualTo(200);
		}
		return address(subject);
	}

	private static String address(String subject) {
		return subject + "@site.example";
	}

	private void placeOrder() {
		events().publish(this.orderId, TestEvents.placed(this.orderId, this.customer, this.site));
		await().atMost(WAIT).until(() -> rowsAbout(this.orderId) >= 1);
	}

	private List<MimeMessage> arrivalMails(String address) {
		return mailTo(address).stream().filter(message -> {
			try {
				return message.getSubject().contains("arrives in about");
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private boolean alertKnown() {
		return this.jdbc.queryForObject("SELECT count(*) FROM arrival_alert WHERE shipment_id = ?", Integer.class,
				this.shipmentId) == 1;
	}

	private Instant windowFrom() {
		return this.jdbc.queryForObject("SELECT window_from FROM arrival_alert WHERE shipment_id = ?",
				java.sql.Timestamp.class, this.shipmentId).toInstant();
	}

	private ShipmentPlanned planned(Instant from) {
		return TestEvents.shipmentPlanned(this.shipmentId, this.orderId, this.customer, this.site, "NF0000000088", from);
	}

	private DeliveryWindowChanged windowChanged(Instant from, Instant previousFrom) {
		return TestEvents.windowChanged(this.shipmentId, this.orderId, this.customer, this.site, from, previousFrom);
	}
}

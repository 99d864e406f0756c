package org.leverans.notification.arrival;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.ShipmentUpdated;
import org.leverans.contracts.shipment.WindowConfidence;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.TestEvents;
import org.leverans.notification.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An "arriving soon" alert whose window is wider than receivers are usually promised this close to delivery says
 * so, in the e-mail and in the {@code shipment.arriving} data the live stream and webhooks get, as the pages do.
 */
class WiderWindowAlertIntegrationTest extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final UUID customer = UUID.randomUUID();

	private final UUID site = UUID.randomUUID();

	private final UUID orderId = UUID.randomUUID();

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void anAlertWhoseWindowIsWiderThanUsualSaysSoAndOneOfANormalWindowDoesNot() throws Exception {
		String mikko = receiver("wider");
		events().publish(this.orderId, TestEvents.placed(this.orderId, this.customer, this.site));
		await().atMost(WAIT).until(() -> rowsAbout(this.orderId) >= 1);
		// Both windows start 30 minutes from now, the default lead time, so both alerts are due at once.
		Instant from = Instant.now().plus(Duration.ofMinutes(30)).plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
		UUID wide = UUID.randomUUID();
		UUID normal = UUID.randomUUID();
		events().publish(this.orderId, eta(wide, "NF0000000101", new DeliveryWindow(from,
				from.plus(Duration.ofMinutes(95)), "PREDICTED", Instant.now(),
				WindowConfidence.calibrated(212, 0.95).widerThanUsual(60))));
		events().publish(this.orderId, eta(normal, "NF0000000102", new DeliveryWindow(from,
				from.plus(Duration.ofMinutes(45)), "PREDICTED", Instant.now(), WindowConfidence.calibrated(212, 0.95))));

		await().atMost(WAIT).until(() -> arrivalMails(mikko).size() == 2);
		String wideMail = bodyAbout(mikko, "NF0000000101");
		String normalMail = bodyAbout(mikko, "NF0000000102");
		assertThat(wideMail).contains("This window is wider than the usual 60 minutes: this carrier\u2019s arrivals "
				+ "scatter more than that this close to delivery.");
		assertThat(normalMail).contains("is expected to arrive in about 30 minutes").doesNotContain("wider than");

		// The live stream's and the webhooks' shipment.arriving carry the same as the shipment's own events.
		await().atMost(WAIT).until(() -> arrivingRows(wide) == 1 && arrivingRows(normal) == 1);
		assertThat(arrivingConfidence(wide).get("usualWidthMinutes").asInt()).isEqualTo(60);
		assertThat(arrivingConfidence(wide).get("coverage").asDouble()).isEqualTo(0.95);
		assertThat(arrivingConfidence(normal).has("usualWidthMinutes")).isFalse();
	}

	@Test
	void anAlertOfAWindowThatClaimsNoCoverageClaimsNoneEither() {
		events().publish(this.orderId, TestEvents.placed(this.orderId, this.customer, this.site));
		Instant from = Instant.now().plus(Duration.ofMinutes(30)).plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
		UUID shipment = UUID.randomUUID();
		events().publish(this.orderId, eta(shipment, "NF0000000103", new DeliveryWindow(from,
				from.plus(Duration.ofMinutes(150)), "CARRIER_ETA", Instant.now(),
				WindowConfidence.defaultMargins(4).widerThanUsual(120))));

		await().atMost(WAIT).until(() -> arrivingRows(shipment) == 1);
		JsonNode confidence = arrivingConfidence(shipment);
		assertThat(confidence.get("kind").asString()).isEqualTo("DEFAULT_MARGINS");
		assertThat(confidence.get("samples").asInt()).isEqualTo(4);
		assertThat(confidence.has("coverage")).isFalse();
		assertThat(confidence.get("usualWidthMinutes").asInt()).isEqualTo(120);
	}

	private ShipmentUpdated eta(UUID shipmentId, String trackingNumber, DeliveryWindow window) {
		return new ShipmentUpdated(shipmentId, this.orderId, this.customer, this.site, "nordic-freight",
				trackingNumber, "IN_TRANSIT", "ETA", Instant.now(), window);
	}

	/** A receiver of the test site with an e-mail address and the default lead time, registered by their call. */
	private String receiver(String name) {
		String subject = name + "-" + this.suffix;
		String address = subject + "@site.example";
		String token = TestTokens.person(subject, List.of("RECEIVER"), this.customer, List.of(this.site), address,
				"en", Duration.ofMinutes(10));
		assertThat(call("GET", "/api/subscriptions/me", token, null).statusCode()).isEqualTo(200);
		return address;
	}

	private List<MimeMessage> arrivalMails(String address) {
		return mailTo(address).stream().filter(message -> subject(message).contains("arrives in about")).toList();
	}

	private String bodyAbout(String address, String trackingNumber) throws MessagingException, IOException {
		for (MimeMessage message : arrivalMails(address)) {
			String body = (String) message.getContent();
			if (body.contains(trackingNumber)) {
				return body;
			}
		}
		throw new AssertionError("No arrival e-mail to " + address + " about " + trackingNumber);
	}

	private int arrivingRows(UUID shipmentId) {
		return this.jdbc.queryForObject("SELECT count(*) FROM stream_event WHERE shipment_id = ? "
				+ "AND event_name = 'shipment.arriving'", Integer.class, shipmentId);
	}

	private JsonNode arrivingConfidence(UUID shipmentId) {
		String data = this.jdbc.queryForObject("SELECT data FROM stream_event WHERE shipment_id = ? "
				+ "AND event_name = 'shipment.arriving' AND recipient IS NULL", String.class, shipmentId);
		return json.readTree(data).get("window").get("confidence");
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}

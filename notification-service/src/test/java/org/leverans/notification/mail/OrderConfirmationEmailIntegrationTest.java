package org.leverans.notification.mail;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.Reason;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderAccepted;
import org.leverans.contracts.order.OrderDelivered;
import org.leverans.contracts.order.OrderOnHold;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.contracts.validation.PaymentTerms;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.contracts.validation.Totals;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.TestEvents;
import org.leverans.notification.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OrderConfirmationEmailIntegrationTest extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final UUID customer = UUID.randomUUID();

	private final UUID site = UUID.randomUUID();

	private final UUID orderId = UUID.randomUUID();

	private final List<PricedLine> lines = List.of(
			new PricedLine(1, "CEM-25KG", "Sementti 25 kg", "CEMENT", "BAG", 40, "25KG", this.site,
					new BigDecimal("9.90"), new BigDecimal("8.50"), new BigDecimal("340.00"), null),
			new PricedLine(2, "REBAR-12", "Harjateräs 12 mm", "STEEL", "PCS", 1200, null, this.site,
					new BigDecimal("2.10"), new BigDecimal("1.95"), new BigDecimal("2340.00"), null));

	private final Totals totals = new Totals(new BigDecimal("2680.00"), new BigDecimal("80.00"),
			new BigDecimal("2760.00"), "EUR");

	@Test
	void ordererGetsTheConfirmationWithLinesPricesFreightAndTermsInFinnish() throws Exception {
		String address = subscribe("fi");
		accepted(UUID.randomUUID().toString());

		String body = confirmationTo(address);
		assertThat(normalized(body)).contains("Tilausrivit:")
			.contains("- 40 säkkiä Sementti 25 kg (CEM-25KG) à 8,50 EUR: 340,00 EUR")
			.contains("- 1 200 kpl Harjateräs 12 mm (REBAR-12) à 1,95 EUR: 2 340,00 EUR")
			.contains("Tuotteet: 2 680,00 EUR")
			.contains("Rahti: 80,00 EUR")
			.contains("Yhteensä: 2 760,00 EUR")
			.contains("Maksuehto: 30 päivää netto, eräpäivä 22.12.2026")
			.contains("Rahtiehto: rahtivapaa sovitun tilausarvon ylittyessä");
	}

	@Test
	void englishConfirmationNamesTheSamePricesAndTerms() throws Exception {
		String address = subscribe("en");
		accepted(UUID.randomUUID().toString());

		assertThat(normalized(confirmationTo(address))).contains("- 40 bags Sementti 25 kg (CEM-25KG) at 8.50 EUR: 340.00 EUR")
			.contains("Freight: 80.00 EUR")
			.contains("Total: 2,760.00 EUR")
			.contains("Payment terms: 30 days net, due Dec 22, 2026");
	}

	@Test
	void theAcceptanceAloneMakesTheConfirmationWhateverTheValidationTopicSays() throws Exception {
		String address = subscribe("en");
		// The validation topic is not read any more: its terms, here different ones, never reach the e-mail.
		events().publish(this.orderId, new OrderValidated(this.orderId, this.customer, UUID.randomUUID(), "AG-1", 1,
				this.lines, List.of(), this.totals, new PaymentTerms("NET_14", 14, LocalDate.parse("2026-12-06")),
				"FLAT", true, Instant.parse("2026-11-22T08:00:30Z"), "LV-000001", "Rakennus Oy"));
		accepted(UUID.randomUUID().toString());

		assertThat(normalized(confirmationTo(address))).contains("Total: 2,760.00 EUR")
			.contains("Payment terms: 30 days net, due Dec 22, 2026")
			.contains("Freight terms: free delivery above the agreed order value")
			.doesNotContain("14 days");
	}

	@Test
	void anAcceptanceWrittenBeforeItCarriedTheTermsIsConfirmedWithoutThem() throws Exception {
		String address = subscribe("en");
		events().publish(this.orderId, new OrderAccepted(this.orderId, TestEvents.number(this.orderId), this.customer,
				"PO-4711", DeliveryMode.SPLIT_ALLOWED, null, this.lines, List.of(), this.totals,
				Instant.parse("2026-11-22T08:01:00Z"), null, null));

		String body = normalized(confirmationTo(address));
		assertThat(body).contains("- 40 bags Sementti 25 kg (CEM-25KG) at 8.50 EUR: 340.00 EUR")
			.contains("Total: 2,760.00 EUR")
			.doesNotContain("Payment terms")
			.doesNotContain("Freight terms");
	}

	@Test
	void aRedeliveredAcceptanceNeverSendsASecondConfirmation() throws Exception {
		// Every status change, so the delivery e-mail (not among an orderer's defaults) can mark the end.
		String address = subscribe("en", "{\"channels\":{\"email\":[\"order.status-changed\"]}}");
		String eventId = UUID.randomUUID().toString();
		accepted(eventId);
		accepted(eventId);
		// Events of one order stay in order, so once the delivery e-mail is there the redelivery was handled.
		events().publish(this.orderId, new OrderDelivered(this.orderId, TestEvents.number(this.orderId),
				this.customer, Instant.parse("2026-12-03T09:00:00Z")));

		await().atMost(WAIT).until(() -> mailTo(address).size() == 2);
		assertThat(mailTo(address)).extracting(MimeMessage::getSubject)
			.containsExactlyInAnyOrder("Order " + TestEvents.number(this.orderId) + " is confirmed",
					"Order " + TestEvents.number(this.orderId) + " is delivered");
	}

	@Test
	void holdEmailListsTheReasonsInSwedish() throws Exception {
		String address = subscribe("sv");
		events().publish(this.orderId, new OrderOnHold(this.orderId, TestEvents.number(this.orderId), this.customer,
				List.of(Reason.of("CREDIT_REVIEW", "Kreditgränsen granskas")), Instant.parse("2026-11-22T08:01:00Z")));

		await().atMost(WAIT).until(() -> mailTo(address).size() == 1);
		assertThat((String) mailTo(address).getFirst().getContent()).contains("- Kreditgränsen granskas");
	}

	/** An orderer of the test's own customer, who gets confirmations, rejections and holds by default. */
	private String subscribe(String language) {
		return subscribe(language, null);
	}

	private String subscribe(String language, String choice) {
		String address = "orderer." + UUID.randomUUID() + "@example.com";
		String token = TestTokens.person("orderer-" + UUID.randomUUID(), List.of("ORDERER"), this.customer,
				List.of(), address, language, Duration.ofMinutes(10));
		assertThat(call("GET", "/api/subscriptions/me", token, null).statusCode()).isEqualTo(200);
		if (choice != null) {
			assertThat(call("PUT", "/api/subscriptions/me", token, choice).statusCode()).isEqualTo(200);
		}
		return address;
	}

	private void accepted(String eventId) {
		events().publish(this.orderId, new OrderAccepted(this.orderId, TestEvents.number(this.orderId), this.customer,
				"PO-4711", DeliveryMode.SPLIT_ALLOWED, null, this.lines, List.of(), this.totals,
				Instant.parse("2026-11-22T08:01:00Z"), new PaymentTerms("NET_30", 30, LocalDate.parse("2026-12-22")),
				"FREE_OVER"), eventId);
	}

	private String confirmationTo(String address) throws Exception {
		await().atMost(WAIT).until(() -> !mailTo(address).isEmpty());
		assertThat(mailTo(address)).hasSize(1);
		return (String) mailTo(address).getFirst().getContent();
	}

	/** Finnish and Swedish group thousands with a no-break space. */
	private static String normalized(String text) {
		return text.replace('\u00a0', ' ').replace('\u202f', ' ');
	}
}

package org.leverans.notification.invoice;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.billing.InvoiceOverdue;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OverdueReminderIntegrationTest extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final UUID customer = UUID.randomUUID();

	@Test
	void remindsTheCustomersAgreementManagersOfAnOverdueInvoiceByEmailInTheirLanguage() throws Exception {
		String manager = "liisa." + UUID.randomUUID() + "@rakennus.example";
		String orderer = "anna." + UUID.randomUUID() + "@rakennus.example";
		String otherCustomersManager = "olle." + UUID.randomUUID() + "@bygg.example";
		signIn(manager, List.of("AGREEMENT_MANAGER"), this.customer, "fi");
		signIn(orderer, List.of("ORDERER"), this.customer, "fi");
		signIn(otherCustomersManager, List.of("AGREEMENT_MANAGER"), UUID.randomUUID(), "sv");

		events().publish(this.customer, overdue("INV-2026-000042", Instant.now()));

		await().atMost(WAIT).until(() -> mailTo(manager).size() == 1);
		MimeMessage reminder = mailTo(manager).getFirst();
		assertThat(reminder.getSubject()).isEqualTo("Muistutus: lasku INV-2026-000042 on 9 päivää erääntynyt");
		assertThat((String) reminder.getContent()).contains("erääntyi 20.11.2026", "234,50 EUR");
		// An orderer gets the outcome of orders by default, not the company's invoices; another customer nothing.
		assertThat(mailTo(orderer)).isEmpty();
		assertThat(mailTo(otherCustomersManager)).isEmpty();
	}

	@Test
	void leavesOutAReminderReadLongAfterItWasReported() throws Exception {
		String manager = "liisa." + UUID.randomUUID() + "@rakennus.example";
		signIn(manager, List.of("AGREEMENT_MANAGER"), this.customer, "en");

		events().publish(this.customer, overdue("INV-2026-000001", Instant.now().minus(Duration.ofDays(30))));
		events().publish(this.customer, overdue("INV-2026-000002", Instant.now()));

		await().atMost(WAIT).until(() -> mailTo(manager).size() == 1);
		assertThat(mailTo(manager).getFirst().getSubject()).contains("INV-2026-000002");
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM stream_event WHERE event_name = 'invoice.overdue' AND customer_id = ?",
				Integer.class, this.customer)).isEqualTo(1);
	}

	private InvoiceOverdue overdue(String number, Instant detectedAt) {
		return new InvoiceOverdue(UUID.randomUUID(), number, this.customer, new BigDecimal("1234.50"), "EUR",
				LocalDate.of(2026, 11, 20), 9, detectedAt);
	}

	/** The person's first call registers them, with their address, language and role defaults. */
	private void signIn(String address, List<String> roles, UUID customerId, String language) {
		String token = TestTokens.person(address.substring(0, address.indexOf('@')), roles, customerId, List.of(),
				address, language, Duration.ofMinutes(10));
		assertThat(call("GET", "/api/subscriptions/me", token, null).statusCode()).isEqualTo(200);
	}

}

package org.leverans.notification.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.order.ReorderDue;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReorderRemindersIntegrationTest extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final UUID customer = UUID.randomUUID();

	private final UUID site = UUID.randomUUID();

	@Test
	void onlyThoseWhoChoseRemindersGetOneEmailWithTheLinkToThePricedPreviewEvenWhenTheEventComesTwice()
			throws Exception {
		String chose = "tiina." + UUID.randomUUID() + "@rakennus.example";
		String tiina = signIn("tiina-" + UUID.randomUUID(), "ORDERER", chose, "fi");
		assertThat(call("PUT", "/api/subscriptions/me", tiina,
				"{\"channels\":{\"email\":[\"order.confirmed\",\"reorder.due\"]}}").statusCode()).isEqualTo(200);
		String byDefault = "anna." + UUID.randomUUID() + "@rakennus.example";
		signIn("anna-" + UUID.randomUUID(), "ORDERER", byDefault, "en");
		String manager = "liisa." + UUID.randomUUID() + "@rakennus.example";
		signIn("liisa-" + UUID.randomUUID(), "AGREEMENT_MANAGER", manager, "en");

		ReorderDue due = new ReorderDue(this.customer, this.site, "Site Jätkäsaari", "GYP-13",
				"Gypsum board 13 mm", 30, "PALLET", 7, LocalDate.of(2026, 11, 29), LocalDate.of(2026, 12, 6),
				Instant.parse("2026-12-04T06:00:00Z"));
		String eventId = UUID.randomUUID().toString();
		events().publish(this.customer, due, eventId);
		events().publish(this.customer, due, eventId);

		await().atMost(WAIT).until(() -> mailTo(chose).size() == 1);
		MimeMessage reminder = mailTo(chose).getFirst();
		assertThat(reminder.getSubject()).isEqualTo("Aika tilata taas: Gypsum board 13 mm, Site Jätkäsaari");
		assertThat((String) reminder.getContent()).contains("30 × Gypsum board 13 mm (GYP-13)",
				"http://localhost:8080/buyer/quick-order.html?sku=GYP-13&quantity=30&package=PALLET&site=" + this.site
						+ "&preview=1");
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM stream_event WHERE event_name = 'reorder.due' AND customer_id = ?", Integer.class,
				this.customer)).isOne();
		assertThat(mailTo(byDefault)).as("not chosen: no role has reminders by default").isEmpty();
		assertThat(mailTo(manager)).isEmpty();
	}

	/** The person's first call registers them, with their address, language and role defaults. */
	private String signIn(String subject, String role, String address, String language) {
		String token = TestTokens.person(subject, List.of(role), this.customer, List.of(), address, language,
				Duration.ofMinutes(10));
		assertThat(call("GET", "/api/subscriptions/me", token, null).statusCode()).isEqualTo(200);
		return token;
	}
}

package org.leverans.notification.subscription;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.TestTokens;
import org.leverans.notification.stream.StreamEvent;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DemoSubscribersIntegrationTest extends IntegrationTest {

	private static final UUID KIVI_JA_LAATTA = UUID.fromString("33333333-3333-3333-3333-333333333333");

	private static final UUID KIVI_TAMPERE = UUID.fromString("33333333-0000-0000-0000-000000000001");

	@Autowired
	private Subscribers subscribers;

	@Autowired
	private javax.sql.DataSource dataSource;

	@Test
	void demoReceiverGetsArrivalAlertsForJatkasaariByEmail() {
		this.jdbc.update("DELETE FROM site_subscription WHERE site_id = ?", TestTokens.JATKASAARI);
		this.jdbc.update("DELETE FROM subscriber WHERE subject IN ('anna', 'liisa', 'mikko', 'erik', 'kalle', 'sara', 'admin')");
		new ResourceDatabasePopulator(new ClassPathResource("db/demo/R__demo_subscribers.sql")).execute(this.dataSource);

		StreamEvent arriving = new StreamEvent(1, "shipment.arriving", TestTokens.RAKENNUS,
				Set.of(TestTokens.JATKASAARI), "{}", Instant.now());
		assertThat(this.subscribers.emailRecipientsOf(arriving)).extracting(Subscriber::email)
			.containsExactly("mikko@rakennus.example");
		// The demo site subscription of Jätkäsaari times mikko's alert.
		assertThat(this.subscribers.recipientsOf(arriving)).extracting(Subscribers.Recipient::arrivalLeadMinutes)
			.containsExactly(30);

		StreamEvent accepted = new StreamEvent(2, "order.status-changed", TestTokens.RAKENNUS,
				Set.of(UUID.randomUUID()), "{\"status\":\"ACCEPTED\"}", Instant.now());
		assertThat(this.subscribers.emailRecipientsOf(accepted)).extracting(Subscriber::email)
			.containsExactly("anna@rakennus.example");

		StreamEvent bygg = new StreamEvent(3, "order.status-changed", TestTokens.BYGG, Set.of(TestTokens.HAMMARBY),
				"{\"status\":\"REJECTED\"}", Instant.now());
		assertThat(this.subscribers.emailRecipientsOf(bygg)).extracting(Subscriber::locale).containsExactly("sv");

		StreamEvent kivi = new StreamEvent(4, "order.status-changed", KIVI_JA_LAATTA, Set.of(KIVI_TAMPERE),
				"{\"status\":\"ON_HOLD\"}", Instant.now());
		assertThat(this.subscribers.emailRecipientsOf(kivi)).extracting(Subscriber::email, Subscriber::locale)
			.containsExactly(tuple("kalle@kivilaatta.example", "fi"));
	}
}

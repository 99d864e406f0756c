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

class DemoSubscribersTests extends IntegrationTest {

	@Autowired
	private Subscribers subscribers;

	@Autowired
	private javax.sql.DataSource dataSource;

	@Test
	void demoReceiverGetsArrivalAlertsForJatkasaariByEmail() {
		this.jdbc.update("DELETE FROM subscriber WHERE subject IN ('anna', 'liisa', 'mikko', 'erik', 'sara', 'admin')");
		new ResourceDatabasePopulator(new ClassPathResource("db/demo/R__demo_subscribers.sql")).execute(this.dataSource);

		StreamEvent arriving = new StreamEvent(1, "shipment.arriving", TestTokens.RAKENNUS,
				Set.of(TestTokens.JATKASAARI), "{}", Instant.now());
		assertThat(this.subscribers.emailRecipientsOf(arriving)).extracting(Subscriber::email)
			.containsExactly("mikko@rakennus.example");

		StreamEvent accepted = new StreamEvent(2, "order.status-changed", TestTokens.RAKENNUS,
				Set.of(UUID.randomUUID()), "{}", Instant.now());
		assertThat(this.subscribers.emailRecipientsOf(accepted)).extracting(Subscriber::email)
			.containsExactly("anna@rakennus.example");

		StreamEvent bygg = new StreamEvent(3, "order.status-changed", TestTokens.BYGG, Set.of(TestTokens.HAMMARBY),
				"{}", Instant.now());
		assertThat(this.subscribers.emailRecipientsOf(bygg)).extracting(Subscriber::locale).containsExactly("sv");
	}
}

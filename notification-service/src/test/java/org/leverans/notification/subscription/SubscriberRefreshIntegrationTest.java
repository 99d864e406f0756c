package org.leverans.notification.subscription;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.notification.IntegrationTest;
import org.leverans.notification.SseClient;
import org.leverans.notification.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SubscriberRefreshIntegrationTest extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final String subject = "mikko-" + UUID.randomUUID();

	private final UUID customer = UUID.randomUUID();

	@Test
	void streamThatEndsLaterNeverPutsBackWhoThePersonWasWhenItOpened() {
		UUID oldSite = UUID.randomUUID();
		UUID newSite = UUID.randomUUID();
		String oldToken = TestTokens.token(this.subject, List.of("RECEIVER"), this.customer, List.of(oldSite),
				Duration.ofSeconds(3));
		try (SseClient stream = stream(oldToken)) {
			assertThat(stream.status()).isEqualTo(200);
			// Moved to another site while the old stream is still open.
			call("GET", "/api/subscriptions/me", TestTokens.receiver(this.subject, this.customer, newSite), null);
			assertThat(siteIds()).isEqualTo("{" + newSite + "}");

			// The stream ends with its token, and Spring dispatches the finished request once more.
			await().atMost(WAIT).until(stream::ended);
		}
		await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> siteIds().equals("{" + newSite + "}"));
	}

	private String siteIds() {
		return this.jdbc.queryForObject("SELECT site_ids::text FROM subscriber WHERE subject = ?", String.class,
				this.subject);
	}
}

package org.leverans.credit.bureau;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leverans.testsupport.infrastructure.StandIns;
import org.leverans.testsupport.time.MovableClock;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the bureau client answers while the bureau is away, on a clock the test moves: a customer who ordered
 * yesterday keeps its rating, one the bureau never rated goes to review.
 */
class CreditBureauOutageTest {

	private static final WireMockServer bureauStandIn = StandIns.wireMock("credit-bureau-outage");

	private static final String RATING = "/v1/companies/FI12345678/rating";

	private final MovableClock clock = MovableClock.standingAt(Instant.parse("2026-12-06T08:00:00Z"));

	private CreditBureau bureau;

	@BeforeEach
	void bureauRatesRakennus() {
		bureauStandIn.resetAll();
		bureauStandIn.stubFor(get(urlPathEqualTo(RATING)).willReturn(okJson("""
				{"businessId":"FI12345678","companyName":"Rakennus Oy","rating":"B","score":72,
				 "checkedAt":"2026-12-06T08:00:00Z"}""")));
		BureauProperties properties = new BureauProperties(URI.create(bureauStandIn.baseUrl()), Duration.ofSeconds(1),
				Duration.ofSeconds(2), new BureauProperties.Retry(2, Duration.ofMillis(10), 2.0),
				new BureauProperties.CircuitBreaker(10, 5, 50, Duration.ofSeconds(5), 80, Duration.ofSeconds(30), 2),
				new BureauProperties.Bulkhead(10, Duration.ofMillis(500)),
				new BureauProperties.Cache(Duration.ofMinutes(10), Duration.ofHours(24), 100));
		this.bureau = new CreditBureau(properties, JsonMapper.builder().build(), this.clock, ObservationRegistry.NOOP);
	}

	@AfterEach
	void closeBureau() {
		this.bureau.destroy();
	}

	@Test
	void usesTheLastRatingWhileTheBureauIsDown() {
		assertThat(this.bureau.rating("FI12345678")).isInstanceOf(BureauRating.Rated.class);
		bureauDown();
		this.clock.advance(Duration.ofHours(3));

		assertThat(this.bureau.rating("FI12345678")).isInstanceOfSatisfying(BureauRating.Rated.class, rated -> {
			assertThat(rated.rating()).isEqualTo("B");
			assertThat(rated.checkedAt()).isEqualTo(Instant.parse("2026-12-06T08:00:00Z"));
		});
		// It did ask (twice, with the retry): an answer past its time to live is only a fallback.
		bureauStandIn.verify(2, getRequestedFor(urlPathEqualTo(RATING)));
	}

	@Test
	void asksAgainOnceTheRatingIsNoLongerFresh() {
		this.bureau.rating("FI12345678");
		this.clock.advance(Duration.ofMinutes(9));
		this.bureau.rating("FI12345678");
		bureauStandIn.verify(1, getRequestedFor(urlPathEqualTo(RATING)));

		this.clock.advance(Duration.ofMinutes(2));
		this.bureau.rating("FI12345678");
		bureauStandIn.verify(2, getRequestedFor(urlPathEqualTo(RATING)));
	}

	@Test
	void ratingOlderThanStaleIfUnavailableSendsTheOrderToReview() {
		this.bureau.rating("FI12345678");
		bureauDown();
		this.clock.advance(Duration.ofHours(25));

		assertThat(this.bureau.rating("FI12345678")).isInstanceOf(BureauRating.Unavailable.class);
	}

	@Test
	void companyNeverRatedIsUnavailableDuringAnOutage() {
		bureauDown();

		assertThat(this.bureau.rating("FI12345678")).isInstanceOf(BureauRating.Unavailable.class);
	}

	@Test
	void recheckByAPersonNeverFallsBackToAnOldRatingButLeavesItForOrders() {
		this.bureau.rating("FI12345678");
		bureauDown();
		this.clock.advance(Duration.ofHours(1));

		assertThat(this.bureau.freshRating("FI12345678")).isInstanceOf(BureauRating.Unavailable.class);
		assertThat(this.bureau.rating("FI12345678")).isInstanceOf(BureauRating.Rated.class);
	}

	private static void bureauDown() {
		bureauStandIn.resetAll();
		bureauStandIn.stubFor(get(urlPathEqualTo(RATING)).willReturn(serviceUnavailable()));
	}
}

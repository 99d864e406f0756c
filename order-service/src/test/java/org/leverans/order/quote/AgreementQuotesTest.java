package org.leverans.order.quote;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leverans.contracts.order.DeliveryMode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AgreementQuotesTest {

	private static final UUID SITE = UUID.fromString("11111111-0000-0000-0000-000000000001");

	private final WireMockServer agreementService = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private AgreementQuotes quotes;

	private final QuoteRequest request = new QuoteRequest(DeliveryMode.COMPLETE,
			new QuoteRequest.Slot(LocalDate.of(2026, 12, 3), LocalTime.of(7, 0), LocalTime.of(9, 0)),
			List.of(new QuoteRequest.Line(1, "CEM-25KG", 40, "PALLET", SITE)));

	@BeforeEach
	void start() {
		this.agreementService.start();
		this.quotes = new AgreementQuotes(new AgreementServiceProperties(URI.create(this.agreementService.baseUrl()), Duration.ofMillis(500)),
				ObservationRegistry.NOOP);
	}

	@AfterEach
	void stop() {
		this.agreementService.stop();
	}

	@Test
	void asksAsTheCallerWithTheirBearerTokenAndReadsThePricedLines() {
		this.agreementService.stubFor(post("/api/catalog/quote").willReturn(okJson("""
				{"agreementNumber":"AG-2026-0001","lines":[{"lineNo":1,"sku":"CEM-25KG","quantity":40,
				 "packageSize":"PALLET","unitPrice":"8.40","lineTotal":"336.00","problems":[],"futureField":1}],
				 "totals":{"goods":"336.00","freight":"95.00","total":"431.00","currency":"EUR"},
				 "paymentDueDate":"2027-01-02","problems":[],"orderable":true}""")));

		Quote quote = this.quotes.quote(this.request, "the-callers-token");

		assertThat(quote.orderable()).isTrue();
		assertThat(quote.lines()).singleElement().satisfies(line -> {
			assertThat(line.unitPrice()).isEqualTo("8.40");
			assertThat(line.lineTotal()).isEqualTo("336.00");
		});
		assertThat(quote.totals().total()).isEqualTo("431.00");
		this.agreementService.verify(postRequestedFor(urlEqualTo("/api/catalog/quote"))
			.withHeader("Authorization", equalTo("Bearer the-callers-token"))
			.withRequestBody(equalToJson("""
					{"deliveryMode":"COMPLETE","requestedDelivery":{"date":"2026-12-03","from":"07:00:00","to":"09:00:00"},
					 "lines":[{"lineNo":1,"sku":"CEM-25KG","quantity":40,"packageSize":"PALLET","siteId":"%s"}]}"""
				.formatted(SITE))));
	}

	@Test
	void aServerErrorMeansNoQuote() {
		this.agreementService.stubFor(post("/api/catalog/quote").willReturn(serviceUnavailable()));

		assertThatExceptionOfType(QuoteUnavailableException.class)
			.isThrownBy(() -> this.quotes.quote(this.request, "token"));
	}

	@Test
	void aSlowAnswerIsNotWaitedForBeyondTheTimeout() {
		this.agreementService.stubFor(post("/api/catalog/quote").willReturn(okJson("{\"lines\":[]}").withFixedDelay(3000)));

		long started = System.nanoTime();
		assertThatExceptionOfType(QuoteUnavailableException.class)
			.isThrownBy(() -> this.quotes.quote(this.request, "token"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
	}

	@Test
	void aBrokenConnectionMeansNoQuote() {
		this.agreementService
			.stubFor(post("/api/catalog/quote").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThatExceptionOfType(QuoteUnavailableException.class)
			.isThrownBy(() -> this.quotes.quote(this.request, "token"));
	}

	@Test
	void anUnreachableServiceMeansNoQuote() {
		this.agreementService.stop();

		assertThatExceptionOfType(QuoteUnavailableException.class)
			.isThrownBy(() -> this.quotes.quote(this.request, "token"));
	}
}

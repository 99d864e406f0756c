package org.leverans.gateway;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class RoutingTest extends GatewayTestSupport {

	@Test
	void routesAuthenticatedOrderRequestToOrderService() {
		String token = tokenFor("anna");
		downstream.stubFor(get("/api/orders/42").willReturn(okJson("{\"id\":\"42\",\"status\":\"ACCEPTED\"}")));

		this.client.get()
			.uri("/api/orders/42")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.cookie("LEVERANS_SESSION", "not-for-the-services")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ACCEPTED");

		downstream.verify(getRequestedFor(urlEqualTo("/api/orders/42"))
			.withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + token))
			.withoutHeader(HttpHeaders.COOKIE));
	}

	@Test
	void passesHeadersWithTextBeyondAsciiAndATabToTheService() {
		String token = tokenFor("anna");
		downstream.stubFor(get("/api/orders/43").willReturn(okJson("{\"id\":\"43\",\"status\":\"ACCEPTED\"}")));

		this.client.get()
			.uri("/api/orders/43")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.header("X-Note", "Jyv\u00e4skyl\u00e4\tsite 2")
			.exchange()
			.expectStatus()
			.isOk();

		downstream.verify(getRequestedFor(urlEqualTo("/api/orders/43")).withHeader("X-Note",
				equalTo("Jyv\u00e4skyl\u00e4\tsite 2")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/approvals", "/api/approvals/8f1c2d3e-0000-0000-0000-000000000001",
			"/api/approval-limits", "/api/approval-limits/orderers/anna" })
	void routesApprovalsAndSpendingLimitsToAgreementService(String path) {
		String token = tokenFor("liisa-" + java.util.UUID.randomUUID());
		downstream.stubFor(get(path).willReturn(okJson("{\"items\":[]}")));

		this.client.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk();

		downstream.verify(getRequestedFor(urlEqualTo(path)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/claims/8f1c2d3e-0000-0000-0000-000000000001", "/api/support/claims",
			"/api/orders/42/claims" })
	void routesClaimsToOrderService(String path) {
		String token = tokenFor("sara-" + java.util.UUID.randomUUID());
		downstream.stubFor(get(path).willReturn(okJson("{}")));

		this.client.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk();

		downstream.verify(getRequestedFor(urlEqualTo(path)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/reports/spend?by=group", "/api/reports/receivables?format=csv" })
	void routesTheMoneyReportsToBillingService(String path) {
		String token = tokenFor("liisa-" + java.util.UUID.randomUUID());
		downstream.stubFor(get(path).willReturn(okJson("{\"rows\":[]}")));

		this.client.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk();

		downstream.verify(getRequestedFor(urlEqualTo(path)));
	}

	@Test
	void routesTheOnTimeDeliveryReportToDeliveryService() {
		// delivery-service is where nothing listens here: the gateway's 502 names it, and billing never hears of it
		this.client.get()
			.uri("/api/reports/on-time-delivery?by=carrier")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("liisa-" + java.util.UUID.randomUUID()))
			.exchange()
			.expectStatus()
			.isEqualTo(502);

		downstream.verify(0, getRequestedFor(urlEqualTo("/api/reports/on-time-delivery?by=carrier")));
	}

	@Test
	void spreadsRequestsOverTheInstancesOfAService() {
		String path = "/api/support/credit-reviews";
		downstream.stubFor(get(path).willReturn(okJson("{\"items\":[]}")));
		secondCreditInstance.stubFor(get(path).willReturn(okJson("{\"items\":[]}")));

		// Within a person's burst (PEOPLE_CAPACITY), so the rate limit stays out of it.
		String token = tokenFor("sara-" + java.util.UUID.randomUUID());
		for (int i = 0; i < 4; i++) {
			this.client.get()
				.uri(path)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.exchange()
				.expectStatus()
				.isOk();
		}

		downstream.verify(2, getRequestedFor(urlEqualTo(path)));
		secondCreditInstance.verify(2, getRequestedFor(urlEqualTo(path)));
	}

	@Test
	void passesBearerPostWithoutCsrfTokenToTheService() {
		String token = tokenFor("rakennus-erp");
		downstream.stubFor(post("/api/orders").willReturn(aResponse().withStatus(202)
			.withHeader(HttpHeaders.LOCATION, "/api/orders/43")
			.withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.withBody("{\"id\":\"43\",\"status\":\"PLACED\"}")));

		this.client.post()
			.uri("/api/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.header("Idempotency-Key", "3b1f")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"purchaseOrderNumber\":\"PO-4711\",\"lines\":[]}")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/api/orders/43");

		downstream.verify(postRequestedFor(urlEqualTo("/api/orders")).withHeader("Idempotency-Key", equalTo("3b1f")));
	}

	@Test
	void answersProblemWhenServiceIsDown() {
		this.client.get()
			.uri("/api/shipments/7")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("mikko"))
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "1")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(502)
			.jsonPath("$.title")
			.isEqualTo("Service not reachable")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("delivery-service"))
			.jsonPath("$.type")
			.isEqualTo("urn:leverans:problem:service-unreachable");
	}

	@Test
	void answersGatewayTimeoutProblemWhenServiceIsTooSlow() {
		downstream.stubFor(get("/api/orders/slow").willReturn(okJson("{}").withFixedDelay(3000)));

		this.client.get()
			.uri("/api/orders/slow")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("patient-anna"))
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "1")
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Service timed out");
	}

	/** A service killed or restarting while it handles a call: the connection closes without an answer. */
	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "EMPTY_RESPONSE", "CONNECTION_RESET_BY_PEER" })
	void answers502ProblemWithRetryAfterWhenServiceDropsTheConnection(Fault fault) {
		downstream.stubFor(get("/api/orders/dropped").willReturn(aResponse().withFault(fault)));

		this.client.get()
			.uri("/api/orders/dropped")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("unlucky-anna-" + fault.ordinal()))
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "1")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:leverans:problem:service-unreachable")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("order-service"));
	}

	@Test
	void answersNotFoundProblemForAnUnknownApiPath() {
		this.client.get()
			.uri("/api/no-such-thing")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("curious-anna"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.title")
			.isEqualTo("No such API")
			.jsonPath("$.instance")
			.isEqualTo("/api/no-such-thing");
	}

	@Test
	void passesTheTraceOnToTheServiceAndNamesItInItsOwnProblems() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
		downstream.stubFor(get("/api/orders/traced").willReturn(okJson("{}")));

		this.client.get()
			.uri("/api/orders/traced")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("anna"))
			.header("traceparent", traceparent)
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get()
			.uri("/api/no-such-thing")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("anna"))
			.header("traceparent", traceparent)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.traceId")
			.isEqualTo(traceId);

		// The same trace, from the gateway's own span of the call.
		downstream.verify(getRequestedFor(urlEqualTo("/api/orders/traced"))
			.withHeader("traceparent", matching("00-" + traceId + "-[0-9a-f]{16}-01")));
	}

}

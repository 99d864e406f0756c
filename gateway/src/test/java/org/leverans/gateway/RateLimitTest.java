package org.leverans.gateway;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/** The buckets refill one call per second in these tests, so a few quick calls past the burst meet the limit. */
class RateLimitTest extends GatewayTestSupport {

	@BeforeEach
	void serveOrders() {
		downstream.stubFor(get("/api/orders").willReturn(okJson("{\"items\":[]}")));
	}

	@Test
	void refusesAnApiClientOverItsLimitWith429ProblemAndRetryAfterWhileAnotherClientIsUnaffected() {
		String hasty = clientTokenFor("hasty-erp");

		for (int call = 1; call <= API_CLIENT_CAPACITY; call++) {
			assertThat(listOrders(hasty).getStatus().value()).as("call %d within the burst", call).isEqualTo(200);
		}
		EntityExchangeResult<String> refused = firstRefusal(hasty);

		assertThat(refused).as("a call over the limit").isNotNull();
		assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(refused.getResponseBody()).contains("\"status\":429")
			.contains("\"type\":\"urn:leverans:problem:rate-limited\"")
			.contains("\"title\":\"Too many requests\"")
			.contains("may make " + API_CLIENT_CAPACITY + " requests at once");
		assertThat(listOrders(clientTokenFor("calm-erp")).getStatus().value())
			.as("another client has its own bucket")
			.isEqualTo(200);
	}

	@Test
	void appliesAClientsOwnLimitWhereOneIsSetForIt() {
		String bulk = clientTokenFor(CLIENT_WITH_OVERRIDE);

		for (int call = 1; call <= OVERRIDE_CAPACITY; call++) {
			assertThat(listOrders(bulk).getStatus().value()).as("call %d within its own burst", call)
				.isEqualTo(200);
		}
		EntityExchangeResult<String> refused = firstRefusal(bulk);

		assertThat(refused).as("a call over its own limit").isNotNull();
		assertThat(refused.getResponseBody()).contains("may make " + OVERRIDE_CAPACITY + " requests at once");
	}

	@Test
	void limitsAPersonByThePeoplesLimitWhichIsLowerThanAnApiClients() {
		String person = tokenFor("clicking-anna");

		for (int call = 1; call <= PEOPLE_CAPACITY; call++) {
			assertThat(listOrders(person).getStatus().value()).as("call %d within the burst", call).isEqualTo(200);
		}
		EntityExchangeResult<String> refused = firstRefusal(person);

		assertThat(refused).as("a call over the people's limit").isNotNull();
		assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(refused.getResponseBody()).contains("may make " + PEOPLE_CAPACITY + " requests at once");
	}

	private EntityExchangeResult<String> firstRefusal(String token) {
		for (int call = 0; call < 10; call++) {
			EntityExchangeResult<String> result = listOrders(token);
			if (result.getStatus().value() == 429) {
				return result;
			}
		}
		return null;
	}

	private EntityExchangeResult<String> listOrders(String token) {
		return this.client.get()
			.uri("/api/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

}

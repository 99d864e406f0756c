package org.leverans.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTest extends GatewayTestSupport {

	@Test
	void rateLimitsACallerWith429AndRetryAfter() {
		downstream.stubFor(get("/api/orders").willReturn(okJson("{\"items\":[]}")));
		String hasty = tokenFor("hasty-erp");

		for (int call = 1; call <= RATE_LIMIT_CAPACITY; call++) {
			assertThat(listOrders(hasty).getStatus().value()).as("call %d within the burst", call).isEqualTo(200);
		}
		// The bucket refills one call per second, so a few quick calls more must meet the limit.
		EntityExchangeResult<String> refused = null;
		for (int call = 0; call < 10 && refused == null; call++) {
			EntityExchangeResult<String> result = listOrders(hasty);
			if (result.getStatus().value() == 429) {
				refused = result;
			}
		}

		assertThat(refused).as("a call over the limit").isNotNull();
		assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
		assertThat(refused.getResponseBody()).contains("\"status\":429").contains("\"title\":\"Too many requests\"");
		assertThat(listOrders(tokenFor("calm-erp")).getStatus().value()).as("another caller has its own bucket")
			.isEqualTo(200);
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

package org.leverans.gateway;

import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.leverans.testsupport.metrics.Scrape;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway admits {@value GatewayTestSupport#MAX_IN_FLIGHT} requests in progress per service here. Calls are
 * sent all at once against a slow stand-in, so more are in progress than admitted; what is asserted is who gets
 * which answer, never how long it took.
 */
class OverloadTest extends GatewayTestSupport {

	private static final int CONCURRENT_CALLS = 6;

	record Answer(int status, HttpHeaders headers, String body) {
	}

	@LocalServerPort
	int port;

	@Test
	void refusesCallsPastTheServicesBoundWith503ProblemAndRetryAfterWhileAdmittedCallsSucceed() {
		downstream.stubFor(get("/api/orders/busy").willReturn(okJson("{\"items\":[]}").withFixedDelay(1000)));

		List<Answer> answers = concurrently(CONCURRENT_CALLS,
				(call) -> call(clientTokenFor("busy-erp-" + call), "/api/orders/busy"));

		assertThat(answers).extracting(Answer::status).containsOnly(200, 503).contains(200, 503);
		assertThat(answers).filteredOn((answer) -> answer.status() == 503).allSatisfy((refused) -> {
			assertThat(refused.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(refused.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
			assertThat(refused.body()).contains("\"type\":\"urn:leverans:problem:service-busy\"")
				.contains("\"status\":503")
				.contains("order-service");
		});
		Scrape scrape = Scrape.of(call(adminTokenFor("admin"), "/actuator/prometheus").block().body());
		assertThat(scrape.value("leverans_gateway_shed_total", "service", "order-service"))
			.hasValueSatisfying((shed) -> assertThat(shed).isGreaterThanOrEqualTo(
					answers.stream().filter((answer) -> answer.status() == 503).count()));
		assertThat(scrape.value("leverans_gateway_in_flight_limit", "service", "order-service"))
			.hasValueSatisfying((limit) -> assertThat(limit).isBetween(1.0, (double) MAX_IN_FLIGHT));
	}

	@Test
	void doesNotCountOpenEventStreamsAgainstTheServicesBound() {
		downstream.stubFor(get("/api/stream").willReturn(aResponse().withStatus(200)
			.withHeader(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_EVENT_STREAM_VALUE)
			.withBody("id: 1\nevent: order.status-changed\ndata: {}\n\n".repeat(3))
			.withChunkedDribbleDelay(3, 2000)));
		downstream.stubFor(get("/api/subscriptions/me").willReturn(okJson("{\"channels\":{}}")));

		// More streams than the bound, and an ordinary call to the same service while they are open.
		List<Answer> streams = concurrently(CONCURRENT_CALLS,
				(call) -> call(tokenFor("watching-mikko-" + call), "/api/stream"));
		List<Answer> withAnOrdinaryCall = concurrently(CONCURRENT_CALLS + 1,
				(call) -> (call < CONCURRENT_CALLS) ? call(tokenFor("watching-liisa-" + call), "/api/stream")
						: call(tokenFor("choosing-liisa"), "/api/subscriptions/me"));

		assertThat(streams).extracting(Answer::status).containsOnly(200);
		assertThat(streams).allSatisfy((stream) -> assertThat(stream.body()).contains("order.status-changed"));
		assertThat(withAnOrdinaryCall).extracting(Answer::status).containsOnly(200);
	}

	private List<Answer> concurrently(int calls, IntFunction<Mono<Answer>> call) {
		return Flux.range(0, calls).flatMap(call::apply, calls).collectList().block(Duration.ofSeconds(60));
	}

	private Mono<Answer> call(String token, String path) {
		return WebClient.create("http://localhost:" + this.port)
			.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map((body) -> new Answer(response.statusCode().value(), response.headers().asHttpHeaders(), body)));
	}

}

package org.leverans.gateway;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

class StreamingTest extends GatewayTestSupport {

	record Arrival(ServerSentEvent<String> event, long atNanos) {
	}

	/**
	 * The notification-service answers only after 2.5 s (longer than the 2 s response timeout the tests give every
	 * other route) and then sends three events one second apart. They must reach the client one by one.
	 */
	@Test
	void streamsServerSentEventsWithoutBuffering() {
		String body = event("e-1", "order.status-changed") + event("e-2", "shipment.window-changed")
				+ event("e-3", "shipment.arriving");
		downstream.stubFor(get("/api/stream").willReturn(aResponse().withStatus(200)
			.withHeader(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_EVENT_STREAM_VALUE)
			.withBody(body)
			.withFixedDelay(2500)
			.withChunkedDribbleDelay(3, 3000)));

		List<Arrival> arrivals = this.client.mutate()
			.responseTimeout(Duration.ofSeconds(20))
			.build()
			.get()
			.uri("/api/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("mikko"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.getResponseBody()
			.map((event) -> new Arrival(event, System.nanoTime()))
			.collectList()
			.block(Duration.ofSeconds(20));

		assertThat(arrivals).extracting((arrival) -> arrival.event().event())
			.containsExactly("order.status-changed", "shipment.window-changed", "shipment.arriving");
		assertThat(arrivals).extracting((arrival) -> arrival.event().id()).containsExactly("e-1", "e-2", "e-3");
		long spreadMillis = Duration.ofNanos(arrivals.get(2).atNanos() - arrivals.get(0).atNanos()).toMillis();
		assertThat(spreadMillis).as("first and last event arrive apart, not buffered together")
			.isGreaterThanOrEqualTo(1000);
	}

	/** Events of equal length, so each dribbled chunk carries exactly one. */
	private static String event(String id, String name) {
		String data = "{\"orderId\":\"" + id + "\"}";
		String event = "id: " + id + "\nevent: " + name + "\ndata: " + data + "\n";
		return event + ":" + " ".repeat(100 - event.length()) + "\n\n";
	}

}

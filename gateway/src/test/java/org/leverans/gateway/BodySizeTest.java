package org.leverans.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * A request body is passed on up to its bound (1 MB, larger for file uploads named by path), and refused past it
 * with a 413 problem that no service ever sees, whether the client declares the length or streams the body.
 */
class BodySizeTest extends GatewayTestSupport {

	private static final int ONE_MB = 1024 * 1024;

	@Test
	void refusesABodyDeclaredLargerThanTheBoundWithAProblemAndPassesNothingOn() {
		downstream.stubFor(post("/api/orders").willReturn(aResponse().withStatus(202)));

		this.client.post()
			.uri("/api/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + clientTokenFor("big-body-erp"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(jsonOfSize(ONE_MB + 1))
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:leverans:problem:body-too-large")
			.jsonPath("$.detail")
			.isEqualTo("A request to /api/orders may carry at most 1048576 bytes.");

		downstream.verify(0, anyRequestedFor(urlEqualTo("/api/orders")));
	}

	@Test
	void refusesAStreamedBodyOnceItPassesTheBound() {
		downstream.stubFor(post("/api/orders").willReturn(aResponse().withStatus(202)));

		this.client.post()
			.uri("/api/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + clientTokenFor("streaming-erp"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunked(jsonOfSize(2 * ONE_MB)), DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:leverans:problem:body-too-large");

		downstream.verify(0, postRequestedFor(urlEqualTo("/api/orders")));
	}

	@Test
	void passesOnABodyWithinTheBoundStreamedOrNot() {
		downstream.stubFor(post("/api/orders").willReturn(aResponse().withStatus(202)));
		String body = jsonOfSize(ONE_MB - 10);

		this.client.post()
			.uri("/api/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + clientTokenFor("fitting-erp"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(202);
		this.client.post()
			.uri("/api/orders")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + clientTokenFor("fitting-erp"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunked(body), DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(202);

		downstream.verify(2, postRequestedFor(urlEqualTo("/api/orders")));
	}

	@Test
	void allowsAFileUploadItsOwnLargerBound() {
		downstream.stubFor(post("/api/admin/billing/payments/camt054").willReturn(aResponse().withStatus(200)));

		this.client.post()
			.uri("/api/admin/billing/payments/camt054")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + clientTokenFor("bank-file-erp"))
			.contentType(MediaType.APPLICATION_XML)
			.bodyValue("<a>" + "x".repeat(3 * ONE_MB) + "</a>")
			.exchange()
			.expectStatus()
			.isOk();

		downstream.verify(1, postRequestedFor(urlEqualTo("/api/admin/billing/payments/camt054")));
	}

	/** A JSON document of exactly this many bytes. */
	private static String jsonOfSize(int bytes) {
		String prefix = "{\"note\":\"";
		String suffix = "\"}";
		return prefix + "x".repeat(bytes - prefix.length() - suffix.length()) + suffix;
	}

	/** The body in 64 KB pieces with no length declared, as a client streaming it would send it. */
	private static Flux<DataBuffer> chunked(String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		int piece = 64 * 1024;
		return Flux.range(0, (bytes.length + piece - 1) / piece).map((i) -> DefaultDataBufferFactory.sharedInstance
			.wrap(Arrays.copyOfRange(bytes, i * piece, Math.min(bytes.length, (i + 1) * piece))));
	}

}

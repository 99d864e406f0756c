package org.leverans.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors the servlet container meets before Spring MVC sees the request, over real HTTP (MockMvc decodes a query
 * its own way and never meets them): they are problems too, and the client's mistakes are 4xx.
 */
@SpringBootTest(classes = WebConventionsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContainerErrorsIntegrationTest {

	@LocalServerPort
	int port;

	@Test
	void refusesPercentEscapesThatAreNotUtf8AsBadRequestNamingTheUrl() throws Exception {
		// %ED%A0%80 would be a lone surrogate: not UTF-8, so the container cannot decode the parameter
		HttpResponse<String> answer = get("/orders?page=0&q=%ED%A0%80");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(answer.body()).contains("\"type\":\"urn:leverans:problem:invalid-request\"")
			.contains("\"field\":\"url\"");
	}

	private HttpResponse<String> get(String pathAndQuery) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + pathAndQuery))
			.header("Authorization", "Bearer " + WebConventionsApplication.REAL_HTTP_ORDERER)
			.GET()
			.build();
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}

}

package org.leverans.auth;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.leverans.testsupport.metrics.Scrape;

import static org.assertj.core.api.Assertions.assertThat;

class AuthServerMetricsIntegrationTest extends AuthServerIntegrationTest {

	@Test
	void prometheusScrapeIsOpenAndCountsTokenRequestsAndThePool() throws Exception {
		assertThat(clientCredentialsToken("rakennus-erp", DEMO_SECRET).statusCode()).isEqualTo(200);

		HttpResponse<String> response = send(HttpClient.newHttpClient(),
				HttpRequest.newBuilder(uri("/actuator/prometheus")).build());

		assertThat(response.statusCode()).isEqualTo(200);
		Scrape scrape = Scrape.of(response.body());
		// The token endpoint is a filter, not a controller, so its requests carry no uri template.
		assertThat(scrape.value("http_server_requests_seconds_count", "method", "POST", "status", "200"))
			.hasValueSatisfying(count -> assertThat(count).isGreaterThanOrEqualTo(1));
		assertThat(scrape.value("hikaricp_connections_max", "application", "auth-server"))
			.hasValueSatisfying(max -> assertThat(max).isPositive());
	}
}

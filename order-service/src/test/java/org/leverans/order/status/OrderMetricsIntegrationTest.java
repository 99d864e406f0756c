package org.leverans.order.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.order.OrderServiceIntegrationTest;
import org.leverans.testsupport.metrics.Scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class OrderMetricsIntegrationTest extends OrderServiceIntegrationTest {

	@Test
	void ordersByStatusCountAPlacedOrderAndItsAcceptance() throws Exception {
		double placedBefore = scrape().value("leverans_orders", "status", "PLACED").orElseThrow();
		double acceptedBefore = scrape().value("leverans_orders", "status", "ACCEPTED").orElseThrow();

		UUID orderId = placeOrder(JATKASAARI);
		await().untilAsserted(() -> assertThat(scrape().value("leverans_orders", "status", "PLACED"))
			.hasValue(placedBefore + 1));

		accept(orderId, JATKASAARI);
		await().untilAsserted(() -> {
			Scrape scrape = scrape();
			assertThat(scrape.value("leverans_orders", "status", "PLACED")).hasValue(placedBefore);
			assertThat(scrape.value("leverans_orders", "status", "ACCEPTED")).hasValue(acceptedBefore + 1);
		});
		assertThat(scrape().value("leverans_orders", "status", "CANCELLED")).isPresent();
	}

	@Test
	void placementIsMeasuredAsServerRequestAndItsCallToAgreementServiceAsClientRequest() throws Exception {
		placeOrder(JATKASAARI);

		Scrape scrape = scrape();
		assertThat(scrape.value("http_server_requests_seconds_count", "uri", "/api/orders", "method", "POST",
				"status", "202"))
			.hasValueSatisfying(count -> assertThat(count).isGreaterThanOrEqualTo(1));
		assertThat(scrape.value("http_client_requests_seconds_count", "uri", "/api/catalog/codes"))
			.hasValueSatisfying(count -> assertThat(count).isGreaterThanOrEqualTo(1));
		assertThat(scrape.value("hikaricp_connections_max", "application", "order-service"))
			.hasValueSatisfying(max -> assertThat(max).isPositive());
		assertThat(scrape.value("leverans_outbox_backlog")).isPresent();
	}

	private Scrape scrape() throws Exception {
		return Scrape.of(this.mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString());
	}
}

package org.leverans.platform.observability;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusConfigTest {

	@Test
	void scrapesEachServiceWithAllItsInstancesAsItsOwnJobAndTheGatewaysWithAnAdminClientsToken() {
		String yaml = new PrometheusConfig(Map.of("order-service", List.of("localhost:8081", "localhost:8181")),
				List.of("localhost:8080", "localhost:8180"), "http://localhost:9000/oauth2/token", "supplier-erp",
				"demo-secret")
			.yaml();

		assertThat(yaml).contains("""
				  - job_name: order-service
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: ['localhost:8081', 'localhost:8181']
				""");
		assertThat(yaml).contains("""
				  - job_name: gateway
				    metrics_path: /actuator/prometheus
				    oauth2:
				      client_id: supplier-erp
				      client_secret: demo-secret
				      token_url: http://localhost:9000/oauth2/token
				    static_configs:
				      - targets: ['localhost:8080', 'localhost:8180']
				""");
	}

	@Test
	void leavesTheGatewayOutWhenItDoesNotRun() {
		String yaml = new PrometheusConfig(Map.of("order-service", List.of("localhost:8081")), List.of(), "http://t",
				"c", "s")
			.yaml();

		assertThat(yaml).doesNotContain("gateway").doesNotContain("oauth2");
	}

	@Test
	void findsNoBinaryWhereThereIsNone() {
		assertThat(PrometheusServer.binary(Map.of("PATH", "/nonexistent"))).isEmpty();
		assertThat(PrometheusServer.binary(Map.of("PROMETHEUS_BIN", "/nonexistent/prometheus"))).isEmpty();
	}
}

package org.leverans.platform.observability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scrape configuration of the local Prometheus: one job per component, named after it, at
 * {@code /actuator/prometheus}. The gateway's scrape is on its public port, so it signs in first (client
 * credentials of an ADMIN client, which Prometheus fetches and renews itself).
 *
 * @param services component name to the {@code host:port} of each of its instances, the gateway excluded
 * @param gateways the {@code host:port} of each gateway instance, none when it does not run
 * @param tokenUrl the auth-server's token endpoint
 * @param clientId an ADMIN client of the auth-server
 * @param clientSecret its secret
 */
record PrometheusConfig(Map<String, List<String>> services, List<String> gateways, String tokenUrl, String clientId,
		String clientSecret) {

	PrometheusConfig {
		services = new LinkedHashMap<>(services);
		gateways = (gateways != null) ? List.copyOf(gateways) : List.of();
	}

	String yaml() {
		StringBuilder yaml = new StringBuilder("""
				# Written by ./leverans up --observability at each start; edits are overwritten.
				global:
				  scrape_interval: 5s
				  evaluation_interval: 5s
				scrape_configs:
				""");
		this.services.forEach((name, targets) -> yaml.append("""
				  - job_name: %s
				    metrics_path: /actuator/prometheus
				    static_configs:
				      - targets: [%s]
				""".formatted(name, quoted(targets))));
		if (!this.gateways.isEmpty()) {
			yaml.append("""
					  - job_name: gateway
					    metrics_path: /actuator/prometheus
					    oauth2:
					      client_id: %s
					      client_secret: %s
					      token_url: %s
					    static_configs:
					      - targets: [%s]
					""".formatted(this.clientId, this.clientSecret, this.tokenUrl, quoted(this.gateways)));
		}
		return yaml.toString();
	}

	private static String quoted(List<String> targets) {
		return String.join(", ", targets.stream().map((target) -> "'" + target + "'").toList());
	}
}

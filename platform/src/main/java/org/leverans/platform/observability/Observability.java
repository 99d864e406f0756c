package org.leverans.platform.observability;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.leverans.platform.Platform;
import org.leverans.platform.process.Readiness;
import org.leverans.platform.services.Service;

/**
 * {@code ./leverans up --observability}: once the platform is up, a Prometheus scraping every running component,
 * with the Leverans dashboard. Without the {@code prometheus} binary it says how to get one and the platform runs
 * on without it; the endpoints are there either way (docs/operations.md).
 */
public final class Observability {

	/** The demo's ADMIN client (auth-server's demo data), which may read the gateway's scrape. */
	static final String SCRAPE_CLIENT = "supplier-erp";

	static final String SCRAPE_SECRET = "demo-secret";

	private Observability() {
	}

	public static Optional<PrometheusServer> start(Platform platform, Map<String, String> env, PrintStream out) {
		Optional<Path> binary = PrometheusServer.binary(env);
		if (binary.isEmpty()) {
			out.println("  ⚠ --observability: no prometheus binary on the PATH (Debian: apt-get install prometheus, or "
					+ "PROMETHEUS_BIN=/path/to/prometheus); running without it. The components' /actuator/prometheus "
					+ "endpoints are up: docs/operations.md says how to point a Prometheus at them.");
			return Optional.empty();
		}
		long begin = System.nanoTime();
		int port = PrometheusServer.PORT + platform.ports().offset();
		PrometheusServer server = PrometheusServer.start(binary.get(), platform.home().resolve("prometheus"), port,
				config(platform), platform.logFile(PrometheusServer.NAME));
		try {
			Readiness.await(PrometheusServer.NAME, server.childProcess(), Duration.ofMinutes(1), () -> false,
					server::answers);
		}
		catch (RuntimeException ex) {
			server.stop();
			out.println("  ⚠ Prometheus did not start (" + ex.getMessage() + "); see "
					+ platform.logFile(PrometheusServer.NAME));
			return Optional.empty();
		}
		out.printf("  ✔ %-22s Prometheus on :%d, dashboard %s (%.1f s)%n", PrometheusServer.NAME, port,
				server.dashboardUrl(), (System.nanoTime() - begin) / 1e9);
		return Optional.of(server);
	}

	static PrometheusConfig config(Platform platform) {
		Map<String, List<String>> services = new LinkedHashMap<>();
		List<String> gateways = List.of();
		for (Service service : platform.runningServices()) {
			// every instance (--instances), as its own target of the service's job
			List<String> targets = new ArrayList<>();
			for (int instance = 0; instance < platform.settings().instancesOf(service); instance++) {
				targets.add("localhost:" + platform.ports().service(service, instance));
			}
			if (service == Service.GATEWAY) {
				gateways = targets;
			}
			else {
				services.put(service.module(), targets);
			}
		}
		return new PrometheusConfig(services, gateways, platform.tokenEndpoint(), SCRAPE_CLIENT, SCRAPE_SECRET);
	}
}

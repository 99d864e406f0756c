package org.leverans.platform.observability;

import java.io.IOException;
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
 * with the Leverans dashboard, and a Zipkin showing the trace of every request. Without the {@code prometheus}
 * binary or the Zipkin jar it says how to get them and the platform runs on without them; the endpoints are there
 * either way (docs/operations.md).
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

	/**
	 * Before the platform starts, since the components must know where to send spans: the Zipkin jar, fetched from
	 * Maven Central into the local Maven repository the first time; empty, with a note, when it cannot be had.
	 */
	public static Optional<Path> traceViewerJar(Path projectRoot, Map<String, String> env, PrintStream out) {
		Path localRepository = localRepository();
		Optional<Path> jar = ZipkinServer.jar(env, localRepository);
		if (jar.isEmpty() && !env.containsKey("ZIPKIN_JAR")) {
			out.println("  … fetching the trace viewer " + ZipkinServer.ARTIFACT + " (once, about 130 MB)");
			try {
				Process fetch = new ProcessBuilder(ZipkinServer.fetchCommand(projectRoot))
					.directory(projectRoot.toFile())
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
				fetch.waitFor();
			}
			catch (IOException ex) {
				// reported below as a missing jar
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			jar = ZipkinServer.jar(env, localRepository);
		}
		if (jar.isEmpty()) {
			out.println("  ⚠ --observability: no Zipkin jar (./mvnw dependency:get -Dartifact="
					+ ZipkinServer.ARTIFACT + ", or ZIPKIN_JAR=/path/to/zipkin.jar); running without a trace viewer, traces stay off.");
		}
		return jar;
	}

	/**
	 * The platform's service environment plus what sends every span to the local Zipkin; a setting already in the
	 * launcher's own environment (e.g. a lower sampling probability) is left to it.
	 */
	public static Map<String, String> withTraces(Map<String, String> serviceEnvironment, int portOffset,
			Map<String, String> env) {
		Map<String, String> merged = new LinkedHashMap<>();
		ZipkinServer.serviceEnvironment(ZipkinServer.PORT + portOffset).forEach((name, value) -> {
			if (!env.containsKey(name)) {
				merged.put(name, value);
			}
		});
		merged.putAll(serviceEnvironment);
		return merged;
	}

	/** Once the platform is up: the Zipkin that its components already send their spans to. */
	public static Optional<ZipkinServer> startTraceViewer(Platform platform, Path jar, PrintStream out) {
		long begin = System.nanoTime();
		ZipkinServer server = ZipkinServer.start(jar, platform.home(), ZipkinServer.PORT + platform.ports().offset(),
				platform.logFile(ZipkinServer.NAME));
		try {
			Readiness.await(ZipkinServer.NAME, server.childProcess(), Duration.ofMinutes(2), () -> false,
					server::answers);
		}
		catch (RuntimeException ex) {
			server.stop();
			out.println("  ⚠ Zipkin did not start (" + ex.getMessage() + "); see "
					+ platform.logFile(ZipkinServer.NAME));
			return Optional.empty();
		}
		out.printf("  ✔ %-22s traces at %s (%.1f s)%n", ZipkinServer.NAME, server.url(),
				(System.nanoTime() - begin) / 1e9);
		return Optional.of(server);
	}

	private static Path localRepository() {
		String repository = System.getProperty("maven.repo.local");
		return (repository != null && !repository.isBlank()) ? Path.of(repository)
				: Path.of(System.getProperty("user.home"), ".m2", "repository");
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

package org.leverans.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.leverans.platform.Platform;
import org.leverans.platform.PlatformSettings;

/**
 * The whole platform, started the way {@code ./leverans up} starts it, but on ports offset by 10000 (property
 * {@code leverans.e2e.port-offset}) and in a fresh
 * temporary home, so it can run beside a developer's own platform, and without the partner simulator, so nothing but
 * the specs moves a shipment. Every service must come up; a skipped one fails the run.
 */
final class RunningLeverans implements AutoCloseable {

	static final int PORT_OFFSET = Integer.getInteger("leverans.e2e.port-offset", 10000);

	/**
	 * A platform already running ({@code ./leverans up --fresh --no-simulator --port-offset N}) to run one spec
	 * against while working on it, instead of starting one per run: {@code -Dleverans.e2e.gateway=http://…
	 * -Dleverans.e2e.auth-server=http://…}. Specs that look at the platform's home or stand-ins need their own.
	 */
	private static final String ATTACHED_GATEWAY = System.getProperty("leverans.e2e.gateway");

	private static final String ATTACHED_AUTH_SERVER = System.getProperty("leverans.e2e.auth-server");

	private static RunningLeverans shared;

	private final Platform platform;

	private final Map<String, Api> clients = new ConcurrentHashMap<>();

	private final Path home;

	private RunningLeverans(Platform platform, Path home) {
		this.platform = platform;
		this.home = home;
	}

	/**
	 * The one platform of this test JVM, started on first use and stopped when the JVM exits, so every spec class
	 * shares one startup.
	 */
	static synchronized RunningLeverans shared() {
		if (shared == null && ATTACHED_GATEWAY != null) {
			shared = new RunningLeverans(null, null);
		}
		if (shared == null) {
			shared = start();
			RunningLeverans started = shared;
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "leverans-e2e-shutdown"));
		}
		return shared;
	}

	private static RunningLeverans start() {
		Path root = Path.of(System.getProperty("leverans.project-root", "..")).toAbsolutePath().normalize();
		try {
			Path home = Files.createTempDirectory("leverans-e2e-");
			Platform platform = Platform.start(PlatformSettings.defaults(root)
				.withHome(home)
				.withPortOffset(PORT_OFFSET)
				.withFresh(true)
				// specs drive the carriers themselves and expect PLANNED shipments to stay put
				.withSimulator(false));
			if (!platform.skippedServices().isEmpty()) {
				platform.close();
				throw new IllegalStateException("Services were not started: " + platform.skippedServices());
			}
			return new RunningLeverans(platform, home);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Where the platform keeps its state file, logs and data; the benchmark reads the state file. */
	Path home() {
		return this.home;
	}

	/** The platform itself, for a spec that breaks and restarts its components (DrillIT). */
	Platform platform() {
		return this.platform;
	}

	URI gateway() {
		return URI.create((this.platform != null) ? this.platform.gatewayUrl() : ATTACHED_GATEWAY);
	}

	URI authServer() {
		return URI.create((this.platform != null) ? this.platform.authServerUrl() : ATTACHED_AUTH_SERVER);
	}

	/** The credit bureau stand-in (WireMock), whose admin API can make the bureau misbehave. */
	URI creditBureau() {
		return URI.create("http://localhost:" + this.platform.ports().creditBureau());
	}

	/** A signed-in API client (client-credentials grant), cached per client id. */
	Api client(String clientId) {
		return this.clients.computeIfAbsent(clientId, id -> Api.client(gateway(), authServer(), id, "demo-secret"));
	}

	@Override
	public void close() {
		if (this.platform != null) {
			this.platform.close();
		}
	}
}

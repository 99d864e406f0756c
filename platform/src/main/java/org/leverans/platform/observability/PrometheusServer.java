package org.leverans.platform.observability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.leverans.platform.process.ChildProcess;
import org.leverans.platform.process.Component;
import org.leverans.platform.process.HttpProbe;

/**
 * A real Prometheus (Debian's {@code prometheus} package) scraping every component, with the Leverans console
 * dashboard ({@code /consoles/leverans.html}) provisioned from the platform's resources. Its data lives in
 * {@code <home>/prometheus}, so a restart keeps the history.
 */
public final class PrometheusServer implements Component {

	public static final String NAME = "prometheus";

	/** Off the default 9090, which a system Prometheus (as Debian's package starts one) would hold. */
	public static final int PORT = 9095;

	static final List<String> CONSOLES = List.of("leverans.html");

	private final ChildProcess process;

	private final int port;

	private PrometheusServer(ChildProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	/** {@code PROMETHEUS_BIN}, else {@code prometheus} on the {@code PATH} (Debian puts it in /usr/bin). */
	public static Optional<Path> binary(Map<String, String> env) {
		String given = env.get("PROMETHEUS_BIN");
		if (given != null && !given.isBlank()) {
			Path path = Path.of(given);
			return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
		}
		String searchPath = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
		for (String directory : searchPath.split(":")) {
			if (directory.isBlank()) {
				continue;
			}
			Path candidate = Path.of(directory, "prometheus");
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	public static PrometheusServer start(Path binary, Path directory, int port, PrometheusConfig config,
			Path logFile) {
		try {
			Files.createDirectories(directory.resolve("consoles"));
			Path configFile = directory.resolve("prometheus.yml");
			Files.writeString(configFile, config.yaml());
			for (String console : CONSOLES) {
				try (InputStream template = PrometheusServer.class
					.getResourceAsStream("/observability/consoles/" + console)) {
					Files.copy(template, directory.resolve("consoles").resolve(console),
							StandardCopyOption.REPLACE_EXISTING);
				}
			}
			List<String> command = List.of(binary.toString(), "--config.file=" + configFile,
					"--storage.tsdb.path=" + directory.resolve("data"), "--storage.tsdb.retention.time=7d",
					"--web.listen-address=127.0.0.1:" + port,
					"--web.console.templates=" + directory.resolve("consoles"),
					"--web.console.libraries=" + directory.resolve("consoles"));
			return new PrometheusServer(ChildProcess.start(NAME, command, Map.of(), directory, logFile), port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare Prometheus in " + directory, ex);
		}
	}

	public ChildProcess childProcess() {
		return this.process;
	}

	public String url() {
		return "http://localhost:" + this.port;
	}

	public String dashboardUrl() {
		return url() + "/consoles/leverans.html";
	}

	public boolean answers() throws IOException, InterruptedException {
		return HttpProbe.answersOk(url() + "/-/ready");
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String address() {
		return url();
	}

	@Override
	public Optional<String> healthUrl() {
		return Optional.of(url() + "/-/ready");
	}

	@Override
	public Optional<ChildProcess> child() {
		return Optional.of(this.process);
	}

	@Override
	public void stop() {
		this.process.stop(Duration.ofSeconds(10));
	}
}

package org.leverans.platform.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.leverans.platform.process.ChildProcess;
import org.leverans.platform.process.Component;
import org.leverans.platform.process.HttpProbe;
import org.leverans.platform.process.JavaCommand;

/**
 * The local trace viewer: a Zipkin server (Maven Central's {@code io.zipkin:zipkin-server}, {@code exec} jar),
 * keeping spans in memory. Every component sends its spans to it with OpenTelemetry's Zipkin exporter, which
 * {@link #serviceEnvironment()} switches on; Zipkin 3 does not take OTLP.
 */
public final class ZipkinServer implements Component {

	public static final String NAME = "zipkin";

	/** Zipkin's own default port. */
	public static final int PORT = 9411;

	static final String VERSION = "3.6.1";

	/** Tens of MB, so it is fetched when {@code --observability} first needs it, not by the build. */
	static final String ARTIFACT = "io.zipkin:zipkin-server:" + VERSION + ":jar:exec";

	private final ChildProcess process;

	private final int port;

	private ZipkinServer(ChildProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	/** {@code ZIPKIN_JAR}, else the exec jar in the local Maven repository (where {@link #fetchCommand} puts it). */
	static Optional<Path> jar(Map<String, String> env, Path localRepository) {
		String given = env.get("ZIPKIN_JAR");
		if (given != null && !given.isBlank()) {
			Path path = Path.of(given);
			return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
		}
		Path inRepository = localRepository.resolve("io/zipkin/zipkin-server")
			.resolve(VERSION)
			.resolve("zipkin-server-" + VERSION + "-exec.jar");
		return Files.isRegularFile(inRepository) ? Optional.of(inRepository) : Optional.empty();
	}

	/** Resolves the jar from Maven Central into the local repository with the project's Maven wrapper. */
	static List<String> fetchCommand(Path projectRoot) {
		return List.of(projectRoot.resolve("mvnw").toString(), "-q", "-N", "-B", "dependency:get",
				"-Dtransitive=false", "-Dartifact=" + ARTIFACT);
	}

	/** What every component needs to send all its spans here (wins over their "off unless configured"). */
	static Map<String, String> serviceEnvironment(int port) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0");
		env.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED", "true");
		env.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", "http://localhost:" + port + "/api/v2/spans");
		return env;
	}

	public static ZipkinServer start(Path jar, Path home, int port, Path logFile) {
		List<String> command = JavaCommand.jar(home, List.of("-Xmx384m", "-XX:+UseSerialGC"), jar,
				List.of("--server.port=" + port));
		// in memory: a restart starts empty, which suits a local look
		Map<String, String> env = Map.of("STORAGE_TYPE", "mem", "MEM_MAX_SPANS", "200000");
		return new ZipkinServer(ChildProcess.start(NAME, command, env, home.resolve(NAME), logFile), port);
	}

	public ChildProcess childProcess() {
		return this.process;
	}

	public String url() {
		return "http://localhost:" + this.port + "/zipkin/";
	}

	public String traceUrl(String traceId) {
		return url() + "traces/" + traceId;
	}

	public boolean answers() throws IOException, InterruptedException {
		return HttpProbe.answersOk("http://localhost:" + this.port + "/health");
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
		return Optional.of("http://localhost:" + this.port + "/health");
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

package org.leverans.platform.standins;

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
import org.leverans.platform.process.JavaCommand;

/**
 * The external credit bureau, replaced by WireMock standalone serving canned ratings
 * ({@code GET /v1/companies/{businessId}/rating}).
 */
public final class CreditBureauStandIn implements Component {

	public static final String NAME = "credit-bureau";

	/* Also mounted as-is into the WireMock container by docker-compose.yml. */
	static final String MAPPINGS = "/standins/bureau/mappings/credit-bureau.json";

	private final ChildProcess process;

	private final int port;

	private CreditBureauStandIn(ChildProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Copies the canned answers to {@code <rootDirectory>/mappings} (refreshed on every start; other mapping files
	 * someone adds there stay) and starts WireMock on {@code port}.
	 */
	public static CreditBureauStandIn start(Path home, Path wiremockJar, Path rootDirectory, int port, Path logFile) {
		try {
			Path mappings = rootDirectory.resolve("mappings");
			Files.createDirectories(mappings);
			Files.createDirectories(rootDirectory.resolve("__files"));
			try (InputStream canned = CreditBureauStandIn.class.getResourceAsStream(MAPPINGS)) {
				if (canned == null) {
					throw new IllegalStateException("Missing resource " + MAPPINGS);
				}
				Files.copy(canned, mappings.resolve("credit-bureau.json"), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare the credit bureau stand-in in " + rootDirectory, ex);
		}
		List<String> command = JavaCommand.jar(home,
				List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"), wiremockJar,
				List.of("--port", String.valueOf(port), "--bind-address", "127.0.0.1", "--root-dir",
						rootDirectory.toString(), "--disable-banner", "--max-request-journal-entries", "1000"));
		return new CreditBureauStandIn(ChildProcess.start(NAME, command, Map.of(), rootDirectory, logFile), port);
	}

	public ChildProcess childProcess() {
		return this.process;
	}

	public String url() {
		return "http://localhost:" + this.port;
	}

	public boolean answers() throws IOException, InterruptedException {
		return HttpProbe.answersOk(url() + "/__admin/health");
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
		return Optional.of(url() + "/__admin/health");
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

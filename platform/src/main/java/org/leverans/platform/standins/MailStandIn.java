package org.leverans.platform.standins;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.leverans.platform.process.ChildProcess;
import org.leverans.platform.process.Component;
import org.leverans.platform.process.HttpProbe;
import org.leverans.platform.process.JavaCommand;
import org.leverans.platform.process.ListeningPorts;

/**
 * The mail server, replaced by GreenMail standalone: SMTP for the services, and a REST API with a small web UI
 * where people read what was sent ({@code /api/user/<email>/messages/INBOX}).
 */
public final class MailStandIn implements Component {

	public static final String NAME = "mail";

	private final ChildProcess process;

	private final int smtpPort;

	private final int apiPort;

	private MailStandIn(ChildProcess process, int smtpPort, int apiPort) {
		this.process = process;
		this.smtpPort = smtpPort;
		this.apiPort = apiPort;
	}

	public static MailStandIn start(Path home, Path greenmailJar, Path directory, int smtpPort, int apiPort,
			Path logFile) {
		List<String> jvmOptions = List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
				"-Dgreenmail.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
				// any sender may deliver to any address; mailboxes are created on first delivery
				"-Dgreenmail.auth.disabled", "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + apiPort);
		List<String> command = JavaCommand.jar(home, jvmOptions, greenmailJar, List.of());
		return new MailStandIn(ChildProcess.start(NAME, command, Map.of(), directory, logFile), smtpPort, apiPort);
	}

	public ChildProcess childProcess() {
		return this.process;
	}

	public int smtpPort() {
		return this.smtpPort;
	}

	public String apiUrl() {
		return "http://localhost:" + this.apiPort;
	}

	/** Ready when the API says so and the SMTP port greets. */
	public boolean answers() throws IOException, InterruptedException {
		return HttpProbe.answersOk(apiUrl() + "/api/service/readiness") && smtpGreets("localhost", this.smtpPort);
	}

	/** Connects and reads the SMTP greeting (a 220 line). */
	public static boolean smtpGreets(String host, int port) throws IOException {
		if (!ListeningPorts.mayConnect(host, port)) {
			return false; // connecting before anyone listens could take the port from the stand-in
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 2000);
			socket.setSoTimeout(2000);
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			String greeting = reader.readLine();
			socket.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
			return greeting != null && greeting.startsWith("220");
		}
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String address() {
		return apiUrl() + " (SMTP localhost:" + this.smtpPort + ")";
	}

	@Override
	public Optional<String> healthUrl() {
		return Optional.of(apiUrl() + "/api/service/readiness");
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

package org.leverans.images;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs an image with no Docker daemon: billing-service's layers unpacked into a directory, and its entrypoint run
 * in a chroot there (in its own PID and mount namespaces with a /proc, as a container has) as the image's user. Nothing
 * of the build machine is visible to it, so a missing library, module or file shows here. Needs Linux and root, as
 * CI has; skipped elsewhere.
 */
class ImageStartIntegrationTest {

	private static final String MODULE = "billing-service";

	private static final String UNSHARE = "/usr/bin/unshare";

	private static final String CHROOT = Files.isExecutable(Path.of("/usr/sbin/chroot")) ? "/usr/sbin/chroot"
			: "/usr/bin/chroot";

	@TempDir
	static Path rootfs;

	private static ImageTarball image;

	@BeforeAll
	static void unpack() throws IOException {
		assumeTrue(System.getProperty("os.name").equals("Linux") && uid() == 0
				&& Files.isExecutable(Path.of(UNSHARE)) && Files.isExecutable(Path.of(CHROOT)),
				"chroot and namespaces need Linux, root, unshare and chroot");
		image = Images.of(MODULE);
		image.unpackInto(rootfs);
		Files.createDirectories(rootfs.resolve("proc"));
	}

	@Test
	void serviceStartsFromItsImageAloneAsItsUserAndGetsAsFarAsItsDatabase() throws Exception {
		List<String> environment = new ArrayList<>();
		image.containerConfig().get("Env").valueStream().map(JsonNode::asString)
			// the client compiler only: this asks whether the service starts from its image, not how fast it runs
			// later, and C2 compiling takes about a third of the CPU a Spring Boot start uses
			.map(variable -> variable.startsWith("JAVA_TOOL_OPTIONS=") ? variable + " -XX:TieredStopAtLevel=1"
					: variable)
			.forEach(environment::add);
		// nothing listens on port 1: the service has started when it asks its database and is refused
		environment.add("SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:1/billing");

		Run run = runInImage(environment, image.entrypoint());

		assertThat(run.output()).contains("Starting BillingServiceApplication using Java")
			.contains("started by leverans")
			.contains("Connection to 127.0.0.1:1 refused")
			.doesNotContain("NoClassDefFoundError", "ClassNotFoundException", "UnsatisfiedLinkError",
					"error while loading shared libraries");
		assertThat(run.exitCode()).isNotZero();
	}

	@Test
	void composesHealthCheckRunsInTheImageAndTellsAReadyServiceFromOneThatIsNot() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/ready", exchange -> respond(exchange, 200, "{\"status\":\"UP\"}"));
		server.createContext("/starting", exchange -> respond(exchange, 503, "{\"status\":\"OUT_OF_SERVICE\"}"));
		server.start();
		try {
			String address = "http://127.0.0.1:" + server.getAddress().getPort();

			assertThat(runInImage(List.of(), probe(address + "/ready")).exitCode()).isZero();
			assertThat(runInImage(List.of(), probe(address + "/starting")).exitCode()).isOne();
		}
		finally {
			server.stop(0);
		}
	}

	/** docker-compose.yml's health check of the service, asking {@code url} instead. */
	@SuppressWarnings("unchecked")
	private static List<String> probe(String url) throws IOException {
		Map<String, Map<String, Map<String, Map<String, Object>>>> compose = new Yaml()
			.load(Files.readString(ImageModules.ROOT.resolve("docker-compose.yml")));
		List<String> test = (List<String>) compose.get("services").get(MODULE).get("healthcheck").get("test");
		assertThat(test.getFirst()).isEqualTo("CMD");
		List<String> command = new ArrayList<>(test.subList(1, test.size() - 1));
		command.add(url);
		return command;
	}

	private static Run runInImage(List<String> environment, List<String> command) throws Exception {
		String user = image.containerConfig().get("User").asString();
		List<String> line = new ArrayList<>(List.of(UNSHARE, "--fork", "--pid", "--mount",
				"--mount-proc=" + rootfs.resolve("proc"), CHROOT, "--userspec=" + user, rootfs.toString()));
		line.addAll(command);
		ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
		// the image's environment only, as a container runtime gives it
		builder.environment().clear();
		for (String variable : environment) {
			String[] pair = variable.split("=", 2);
			builder.environment().put(pair[0], pair[1]);
		}
		Process process = builder.start();
		byte[] output = process.getInputStream().readAllBytes();
		// a hang is a failure, not a wait: Spring Boot gives up on a refused database within seconds
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

	private static void respond(HttpExchange exchange, int status, String body)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private static int uid() throws IOException {
		return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
	}

	private record Run(int exitCode, String output) {
	}
}

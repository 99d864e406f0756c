package org.leverans.platform;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.leverans.platform.process.HttpProbe;
import org.leverans.platform.process.PortCheck;
import org.leverans.platform.services.Service;
import org.leverans.platform.standins.MailStandIn;
import org.leverans.platform.state.StateFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the real infrastructure (PostgreSQL, Kafka, WireMock, GreenMail) beside whatever else runs on this machine
 * (port offset, own home), talks to each, and checks that close() leaves nothing behind. The services are the
 * end-to-end tests' business.
 */
class PlatformInfrastructureTest {

	/*
	 * Other builds on the same machine (a second checkout, an end-to-end run) may hold some offset's ports; take the
	 * first of a few offsets whose ports are all free, so this test checks the platform, not who else is running.
	 */
	private static final int OFFSET = IntStream.iterate(12000, (offset) -> offset + 300)
		.limit(20)
		.filter((offset) -> PortCheck.taken(infrastructurePorts(new Ports(offset))).isEmpty())
		.findFirst()
		.orElseThrow(() -> new IllegalStateException("No free port offset between 12000 and 17700"));

	private static List<Integer> infrastructurePorts(Ports ports) {
		return List.of(ports.postgres(), ports.kafka(), ports.kafkaController(), ports.creditBureau(), ports.smtp(),
				ports.mailApi());
	}

	@Test
	void startsTheInfrastructureOnOffsetPortsAndLeavesNoProcessOrPortBehind(@TempDir Path home) throws Exception {
		Path projectRoot = Path.of("").toAbsolutePath().getParent();
		PlatformSettings settings = PlatformSettings.defaults(projectRoot)
			.withHome(home)
			.withPortOffset(OFFSET)
			.withoutServices()
			.withStartupTimeout(Duration.ofMinutes(3));
		Ports ports = settings.ports();
		List<Integer> listening = infrastructurePorts(ports);
		List<ProcessHandle> processes;

		try (Platform platform = Platform.start(settings, ProgressListener.silent())) {
			processes = platform.processes();
			assertThat(processes).hasSize(4).allMatch(ProcessHandle::isAlive);
			assertThat(new StateFile(home).read()).hasValueSatisfying(
					(state) -> assertThat(state.components()).hasSize(4));

			try (Connection connection = DriverManager.getConnection(platform.jdbcUrl(Service.ORDER), "postgres",
					"postgres"); ResultSet result = connection.createStatement().executeQuery(
							"SELECT current_database(), (SELECT count(*) FROM pg_database WHERE datname IN "
									+ "('auth','agreement','orders','credit','delivery','notification','billing'))")) {
				result.next();
				assertThat(result.getString(1)).isEqualTo("orders");
				assertThat(result.getInt(2)).isEqualTo(7);
			}
			try (Connection connection = DriverManager.getConnection(platform.jdbcUrl(Service.ORDER), "postgres",
					"postgres"); ResultSet result = connection.createStatement().executeQuery(
							"SELECT current_setting('fsync'), current_setting('synchronous_commit')")) {
				result.next();
				assertThat(result.getString(1)).as("fsync").isEqualTo("on");
				assertThat(result.getString(2)).as("synchronous_commit").isEqualTo("on");
			}

			assertThat(platform.kafkaBootstrapServers()).isEqualTo("localhost:" + (9092 + OFFSET));
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
					platform.kafkaBootstrapServers()))) {
				DescribeClusterResult cluster = admin.describeCluster();
				Collection<Node> nodes = cluster.nodes().get(10, TimeUnit.SECONDS);
				assertThat(nodes).extracting(Node::id).containsExactly(1);
			}

			HttpResponse<String> rating = HttpProbe.get(platform.creditBureauUrl() + "/v1/companies/FI12345678/rating");
			assertThat(rating.statusCode()).isEqualTo(200);
			JsonNode body = JsonMapper.builder().build().readTree(rating.body());
			assertThat(body.path("companyName").asString()).isEqualTo("Rakennus Oy");
			assertThat(body.path("rating").asString()).isEqualTo("A");
			assertThat(body.path("score").asInt()).isEqualTo(82);
			HttpResponse<String> unknown = HttpProbe.get(platform.creditBureauUrl() + "/v1/companies/FI00000000/rating");
			assertThat(unknown.statusCode()).isEqualTo(404);
			assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");

			assertThat(MailStandIn.smtpGreets("localhost", platform.smtpPort())).isTrue();
		}

		assertThat(processes).noneMatch(ProcessHandle::isAlive);
		assertThat(ProcessHandle.current().children()).noneMatch(ProcessHandle::isAlive);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(PortCheck.taken(listening)).isEmpty());
		assertThat(new StateFile(home).read()).isEmpty();
	}
}

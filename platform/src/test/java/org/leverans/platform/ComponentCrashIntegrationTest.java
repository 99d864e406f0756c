package org.leverans.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.leverans.platform.postgres.EmbeddedPostgresServer;
import org.leverans.platform.process.Component;
import org.leverans.platform.process.PortCheck;
import org.leverans.platform.services.Service;
import org.leverans.platform.standins.MailStandIn;
import org.leverans.platform.state.StateFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a fault drill needs from the platform: one component killed with SIGKILL, as a crash would, and started again
 * as it was, with its data. Runs the real infrastructure (no services) on free offset ports in a home of its own.
 */
class ComponentCrashIntegrationTest {

	private static final int OFFSET = IntStream.iterate(13600, (offset) -> offset + 300)
		.limit(12)
		.filter((offset) -> PortCheck.taken(infrastructurePorts(new Ports(offset))).isEmpty())
		.findFirst()
		.orElseThrow(() -> new IllegalStateException("No free port offset between 13600 and 16900"));

	private static Path home;

	private static Platform platform;

	@BeforeAll
	static void startInfrastructure() throws IOException {
		home = Files.createTempDirectory("leverans-crash-");
		platform = Platform.start(PlatformSettings.defaults(Path.of("").toAbsolutePath().getParent())
			.withHome(home)
			.withPortOffset(OFFSET)
			.withoutServices()
			.withStartupTimeout(Duration.ofMinutes(3)), ProgressListener.silent());
	}

	@AfterAll
	static void stopInfrastructure() {
		List<ProcessHandle> processes = platform.processes();
		platform.close();
		assertThat(processes).noneMatch(ProcessHandle::isAlive);
	}

	@Test
	void killedPostgresComesBackWithEveryCommittedRow() throws Exception {
		try (Connection db = connect(); Statement statement = db.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS crash_witness (id int PRIMARY KEY)");
			statement.execute("INSERT INTO crash_witness VALUES (1) ON CONFLICT DO NOTHING");
		}
		ProcessHandle postmaster = component(EmbeddedPostgresServer.NAME).process().orElseThrow();
		List<ProcessHandle> backends = postmaster.descendants().toList();

		platform.kill(EmbeddedPostgresServer.NAME);

		assertThat(postmaster.isAlive()).isFalse();
		assertThat(backends).noneMatch(ProcessHandle::isAlive);
		assertThatThrownBy(ComponentCrashIntegrationTest::connect).isInstanceOf(SQLException.class);
		assertThat(new StateFile(home).read().orElseThrow().components())
			.noneMatch((state) -> state.name().equals(EmbeddedPostgresServer.NAME));

		platform.restart(EmbeddedPostgresServer.NAME);

		assertThat(component(EmbeddedPostgresServer.NAME).process()).hasValueSatisfying(
				(restarted) -> assertThat(restarted.pid()).isNotEqualTo(postmaster.pid()));
		try (Connection db = connect();
				ResultSet rows = db.createStatement().executeQuery("SELECT count(*) FROM crash_witness")) {
			rows.next();
			assertThat(rows.getInt(1)).isEqualTo(1);
		}
		assertThat(new StateFile(home).read().orElseThrow().components())
			.anyMatch((state) -> state.name().equals(EmbeddedPostgresServer.NAME));
	}

	@Test
	void killedStandInAnswersAgainOnceRestarted() throws Exception {
		ProcessHandle before = component(MailStandIn.NAME).process().orElseThrow();

		platform.kill(MailStandIn.NAME);

		assertThat(before.isAlive()).isFalse();
		assertThat(PortCheck.taken(List.of(platform.smtpPort()))).isEmpty();
		assertThat(platform.down()).containsExactly(MailStandIn.NAME);

		platform.restart(MailStandIn.NAME);

		assertThat(MailStandIn.smtpGreets("localhost", platform.smtpPort())).isTrue();
		assertThat(platform.down()).isEmpty();
		assertThat(component(MailStandIn.NAME).process().orElseThrow().pid()).isNotEqualTo(before.pid());
	}

	@Test
	void killsOnlyWhatRunsAndRestartsOnlyWhatWasKilled() {
		assertThatThrownBy(() -> platform.kill("order-service")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("No component order-service runs");
		assertThatThrownBy(() -> platform.restart(MailStandIn.NAME)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("still runs");
		assertThatThrownBy(() -> platform.restart("no-such-thing")).isInstanceOf(IllegalArgumentException.class);
	}

	private static Component component(String name) {
		return platform.components().stream().filter((c) -> c.name().equals(name)).findFirst().orElseThrow();
	}

	private static Connection connect() throws SQLException {
		return DriverManager.getConnection(platform.jdbcUrl(Service.ORDER), "postgres", "postgres");
	}

	private static List<Integer> infrastructurePorts(Ports ports) {
		return List.of(ports.postgres(), ports.kafka(), ports.kafkaController(), ports.creditBureau(), ports.smtp(),
				ports.mailApi());
	}
}

package org.leverans.platform.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.leverans.platform.process.ChildProcess;
import org.leverans.platform.process.Component;
import org.leverans.platform.process.LogRotation;
import org.leverans.platform.process.LogTail;
import org.leverans.platform.process.StartupFailure;

/**
 * PostgreSQL from the embedded binaries, its data directory kept between starts so the services' data survives a
 * restart.
 */
public final class EmbeddedPostgresServer implements Component {

	public static final String NAME = "postgres";

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final EmbeddedPostgres postgres;

	private final Path dataDirectory;

	private final PostgresConnection connection;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, PostgresConnection connection) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
		this.connection = connection;
	}

	/** Starts PostgreSQL on {@code port}, running initdb only when {@code dataDirectory} holds no cluster yet. */
	public static EmbeddedPostgresServer start(Path dataDirectory, int port, Path logFile) {
		try {
			Files.createDirectories(dataDirectory.getParent());
			LogRotation.rotate(logFile);
			ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(port)
				.setRegisterShutdownHook(false)
				.setOutputRedirector(log)
				.setErrorRedirector(log)
				.setPGStartupWait(Duration.ofSeconds(60))
				// Services keep their connection pools small; room for several instances each.
				.setServerConfig("max_connections", "200")
				// As durable as production runs it: the library starts the server with -F (no fsync) and
				// asynchronous commit, which can lose commits a consumer was told about (and whose Kafka offset then
				// moved on) when the server crashes. A later -c wins over -F.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				// Statement counts per database for the benchmark and for anyone asking where PostgreSQL's time
				// goes; the binaries bundle the module, and its cost is a counter update per statement.
				.setServerConfig("shared_preload_libraries", "pg_stat_statements")
				.start();
			createStatementStatistics(postgres);
			return new EmbeddedPostgresServer(postgres, dataDirectory, PostgresConnection.local(port));
		}
		catch (IOException | RuntimeException ex) {
			throw new StartupFailure(NAME, "could not start PostgreSQL on :" + port + " (" + ex.getMessage() + ")",
					logFile, LogTail.lastLines(logFile, 30));
		}
	}

	/** The view lives in the database it was created in; {@code postgres} is where the benchmark reads it. */
	private static void createStatementStatistics(EmbeddedPostgres postgres) throws IOException {
		try (Connection jdbc = postgres.getPostgresDatabase().getConnection();
				Statement statement = jdbc.createStatement()) {
			statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
		}
		catch (SQLException ex) {
			throw new IOException("could not create pg_stat_statements: " + ex.getMessage(), ex);
		}
	}

	public PostgresConnection connection() {
		return this.connection;
	}

	public String version() {
		try (Connection jdbc = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = jdbc.createStatement();
				ResultSet result = statement.executeQuery("SHOW server_version")) {
			result.next();
			return result.getString(1).split(" ")[0];
		}
		catch (SQLException ex) {
			return "?";
		}
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String address() {
		return this.connection.serverUrl();
	}

	/** The postmaster, which pg_ctl started in its own session (so it is not a child of this JVM). */
	@Override
	public Optional<ProcessHandle> process() {
		return postmasterPid(this.dataDirectory).flatMap(ProcessHandle::of);
	}

	/** The pid PostgreSQL wrote to {@code postmaster.pid} in its data directory, while it runs. */
	public static Optional<Long> postmasterPid(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		try {
			List<String> lines = Files.readAllLines(pidFile);
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A clean, fast shutdown ({@code pg_ctl stop -m fast}); returns once the postmaster has exited (pg_ctl returns
	 * when the pid file is gone, a moment before that).
	 */
	@Override
	public void stop() {
		Optional<ProcessHandle> postmaster = process();
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not stop PostgreSQL cleanly", ex);
		}
		postmaster.filter(ProcessHandle::isAlive).ifPresent(EmbeddedPostgresServer::awaitExit);
	}

	/**
	 * Kills the postmaster and every backend at once, as a machine losing power would; the next start on the same
	 * data directory recovers from the write-ahead log. The library's lock on the data directory is let go as well
	 * (its clean stop, which it runs for that, finds no server and says so in the log).
	 */
	@Override
	public void kill() {
		Component.super.kill();
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not let go of " + this.dataDirectory, ex);
		}
	}

	private static void awaitExit(ProcessHandle postmaster) {
		try {
			postmaster.onExit().get(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			ChildProcess.stop(postmaster, Duration.ofSeconds(5));
		}
		catch (ExecutionException ex) {
			// onExit of a process handle does not fail
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}

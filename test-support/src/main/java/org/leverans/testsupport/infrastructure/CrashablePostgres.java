package org.leverans.testsupport.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL of a test's own that can crash like a machine losing power: every server process is killed with
 * {@code SIGKILL}, nothing is shut down cleanly, and a restart on the same data directory and port has to recover
 * from the write-ahead log. It runs durable (fsync and synchronous commit on), as production does, so a commit it
 * acknowledged survives the crash.
 *
 * <p>
 * Separate from {@link TestInfrastructure}'s shared server, which other test classes keep using while this one is
 * down.
 */
public final class CrashablePostgres implements AutoCloseable {

	private final Path dataDirectory;

	private final int port;

	private EmbeddedPostgres running;

	private CrashablePostgres(Path dataDirectory, int port) {
		this.dataDirectory = dataDirectory;
		this.port = port;
	}

	/** Starts a durable server with one database, {@code database}. */
	public static CrashablePostgres start(String database) {
		try {
			CrashablePostgres postgres = new CrashablePostgres(Files.createTempDirectory("crashable-postgres-"),
					FreePorts.any());
			postgres.restart();
			try (Connection connection = postgres.running.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + database);
			}
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the test database", ex);
		}
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + this.port + "/" + database;
	}

	/** What the server says its durability settings are, e.g. {@code fsync=on synchronous_commit=on}. */
	public String durability() {
		try (Connection connection = this.running.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			return "fsync=" + show(statement, "fsync") + " synchronous_commit=" + show(statement, "synchronous_commit");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the server settings", ex);
		}
	}

	/** Kills the postmaster and every backend at once, and returns when none of them is left. */
	public void crash() {
		long postmaster = postmasterPid();
		ProcessHandle handle = ProcessHandle.of(postmaster)
			.orElseThrow(() -> new IllegalStateException("No process " + postmaster));
		List<ProcessHandle> all = new ArrayList<>(handle.descendants().toList());
		all.add(0, handle);
		all.forEach(ProcessHandle::destroyForcibly);
		for (ProcessHandle process : all) {
			try {
				process.onExit().get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("PostgreSQL process " + process.pid() + " did not die", ex);
			}
		}
		// Lets go of the library's lock on the data directory; its clean stop finds nothing left to stop.
		close();
		this.running = null;
	}

	/** Starts the server (again) on the same data directory and port; after a crash it replays its log first. */
	public void restart() {
		try {
			this.running = EmbeddedPostgres.builder()
				.setDataDirectory(this.dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(this.port)
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				// The library starts the server with -F (no fsync) and asynchronous commit; a later -c wins.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start PostgreSQL on :" + this.port, ex);
		}
	}

	@Override
	public void close() {
		if (this.running != null) {
			try {
				this.running.close();
			}
			catch (IOException ignored) {
				// the data directory is temporary
			}
		}
	}

	/** Read from the data directory, as the local platform does; the library does not tell. */
	private long postmasterPid() {
		try {
			return Long.parseLong(Files.readAllLines(this.dataDirectory.resolve("postmaster.pid")).get(0).trim());
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("PostgreSQL is not running in " + this.dataDirectory, ex);
		}
	}

	private static String show(Statement statement, String setting) throws SQLException {
		try (var result = statement.executeQuery("SHOW " + setting)) {
			result.next();
			return result.getString(1);
		}
	}
}

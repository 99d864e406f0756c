package org.leverans.testsupport.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL (embedded binaries) and a real single-node KRaft Kafka broker for integration tests, started
 * once per test JVM and shared by every test class in it. Each call to {@link #register} gets a fresh database, so
 * test classes do not see each other's rows. No Docker needed.
 *
 * <pre>
 * &#64;DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     TestInfrastructure.register(registry, "order");
 * }
 * </pre>
 */
public final class TestInfrastructure {

	private static final AtomicInteger databases = new AtomicInteger();

	private static EmbeddedPostgres postgres;

	private static EmbeddedKafkaKraftBroker kafka;

	private TestInfrastructure() {
	}

	/** Points Spring's datasource at a new empty database and Kafka at the shared broker. */
	public static void register(DynamicPropertyRegistry registry, String databasePrefix) {
		String url = newDatabase(databasePrefix);
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
		registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
	}

	/** Creates a new database and returns its JDBC URL. */
	public static synchronized String newDatabase(String prefix) {
		EmbeddedPostgres pg = postgres();
		String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + databases.incrementAndGet();
		try (Connection connection = pg.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name, ex);
		}
		return pg.getJdbcUrl("postgres", name);
	}

	public static synchronized String kafkaBootstrapServers() {
		if (kafka == null) {
			// Three partitions, like the local platform, so per-key ordering is really exercised.
			kafka = new EmbeddedKafkaKraftBroker(1, 3);
			kafka.brokerProperty("auto.create.topics.enable", "true");
			kafka.brokerProperty("num.partitions", "3");
			kafka.afterPropertiesSet();
			Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy, "test-kafka-shutdown"));
		}
		return kafka.getBrokersAsString();
	}

	private static EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
			}
			EmbeddedPostgres started = postgres;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					started.close();
				}
				catch (IOException ignored) {
					// the JVM is going away; the data directory is temporary anyway
				}
			}, "test-postgres-shutdown"));
		}
		return postgres;
	}
}

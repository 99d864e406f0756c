package org.leverans.platform.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.Uuid;

import org.leverans.platform.process.ChildProcess;
import org.leverans.platform.process.Component;
import org.leverans.platform.process.JavaCommand;
import org.leverans.platform.process.StartupFailure;

/**
 * A single-node KRaft Kafka broker as its own JVM, from the Kafka jars on the launcher's classpath. Its log
 * directory is formatted once and reused, so topics and offsets survive a restart.
 */
public final class KafkaBroker implements Component {

	public static final String NAME = "kafka";

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final ChildProcess process;

	private final KafkaBrokerConfig config;

	private KafkaBroker(ChildProcess process, KafkaBrokerConfig config) {
		this.process = process;
		this.config = config;
	}

	/**
	 * Writes {@code <directory>/server.properties}, formats {@code <directory>/data} if it has never been formatted,
	 * and starts the broker. Readiness is checked separately ({@link KafkaReadiness}).
	 */
	public static KafkaBroker start(Path home, Path directory, int port, int controllerPort, Path logFile) {
		KafkaBrokerConfig config = new KafkaBrokerConfig(port, controllerPort, directory.resolve("data"));
		Path serverProperties = directory.resolve("server.properties");
		try {
			Files.createDirectories(directory);
			Files.writeString(serverProperties, config.asPropertiesFile(), StandardCharsets.UTF_8);
			Path logbackConfig = directory.resolve("logback.xml");
			Files.writeString(logbackConfig, LOGBACK_CONFIG, StandardCharsets.UTF_8);
			if (!isFormatted(config.logDirectory())) {
				format(serverProperties, logFile);
			}
			List<String> jvmOptions = List.of("-Xmx512m", "-Xms128m", "-XX:+UseSerialGC",
					"-XX:TieredStopAtLevel=1", "-Xshare:auto",
					// whichever SLF4J backend the classpath has: slf4j-simple under ./leverans, Logback in tests
					"-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.showDateTime=true",
					"-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS",
					"-Dlogback.configurationFile=" + logbackConfig);
			List<String> command = JavaCommand.mainClass(home, jvmOptions, "kafka.Kafka",
					List.of(serverProperties.toString()));
			ChildProcess process = ChildProcess.start(NAME, command, java.util.Map.of(), directory, logFile);
			return new KafkaBroker(process, config);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare Kafka in " + directory, ex);
		}
	}

	/** A formatted KRaft log directory has meta.properties; formatting it again would fail (or lose data). */
	public static boolean isFormatted(Path logDirectory) {
		return Files.isRegularFile(logDirectory.resolve("meta.properties"));
	}

	/* In this JVM: StorageTool.execute reports instead of exiting, and saves starting a JVM just for this. */
	private static void format(Path serverProperties, Path logFile) throws IOException {
		String clusterId = Uuid.randomUuid().toString();
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int exitCode;
		try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
			exitCode = kafka.tools.StorageTool.execute(
					new String[] { "format", "-t", clusterId, "-c", serverProperties.toString() }, out);
		}
		catch (RuntimeException ex) {
			throw new StartupFailure(NAME, "could not format the Kafka log directory: " + ex.getMessage(), ex);
		}
		Files.createDirectories(logFile.getParent());
		Files.writeString(logFile, output.toString(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		if (exitCode != 0) {
			throw new StartupFailure(NAME, "formatting the Kafka log directory failed (exit code " + exitCode + ")",
					logFile, output.toString(StandardCharsets.UTF_8).lines().toList());
		}
	}

	public ChildProcess childProcess() {
		return this.process;
	}

	public String bootstrapServers() {
		return this.config.bootstrapServers();
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String address() {
		return bootstrapServers();
	}

	@Override
	public Optional<ChildProcess> child() {
		return Optional.of(this.process);
	}

	@Override
	public void stop() {
		this.process.stop(STOP_GRACE);
	}

	private static final String LOGBACK_CONFIG = """
			<configuration>
			  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
			    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
			  </appender>
			  <root level="INFO"><appender-ref ref="out"/></root>
			</configuration>
			""";
}

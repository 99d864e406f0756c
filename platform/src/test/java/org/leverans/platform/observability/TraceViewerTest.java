package org.leverans.platform.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class TraceViewerTest {

	@TempDir
	Path localRepository;

	@Test
	void sendsEverySpanToTheLocalZipkinOnItsPortAfterTheOffset() {
		Map<String, String> env = Observability.withTraces(Map.of(), 16500, Map.of());

		assertThat(env).containsOnly(entry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0"),
				entry("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED", "true"),
				entry("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", "http://localhost:25911/api/v2/spans"));
	}

	@Test
	void leavesATracingSettingOfTheLaunchersOwnEnvironmentToIt() {
		Map<String, String> env = Observability.withTraces(Map.of(), 0,
				Map.of("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0.1"));

		assertThat(env).doesNotContainKey("MANAGEMENT_TRACING_SAMPLING_PROBABILITY")
			.containsEntry("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", "http://localhost:9411/api/v2/spans");
	}

	@Test
	void keepsThePlatformsOtherServiceEnvironmentAndLetsItWin() {
		Map<String, String> platformEnvironment = Map.of("LEVERANS_SOMETHING", "x",
				"MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", "http://elsewhere/spans");

		Map<String, String> env = Observability.withTraces(platformEnvironment, 0, Map.of());

		assertThat(env).containsEntry("LEVERANS_SOMETHING", "x")
			.containsEntry("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", "http://elsewhere/spans")
			.containsEntry("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED", "true");
	}

	@Test
	void findsTheExecJarInTheLocalMavenRepositoryWhereTheWrapperFetchesIt() throws IOException {
		assertThat(ZipkinServer.jar(Map.of(), this.localRepository)).isEmpty();

		Path jar = this.localRepository.resolve("io/zipkin/zipkin-server/" + ZipkinServer.VERSION + "/zipkin-server-"
				+ ZipkinServer.VERSION + "-exec.jar");
		Files.createDirectories(jar.getParent());
		Files.writeString(jar, "jar");

		assertThat(ZipkinServer.jar(Map.of(), this.localRepository)).contains(jar);
		assertThat(ZipkinServer.fetchCommand(Path.of("/repo"))).containsSubsequence("/repo/mvnw", "dependency:get",
				"-Dartifact=io.zipkin:zipkin-server:" + ZipkinServer.VERSION + ":jar:exec");
	}

	@Test
	void takesTheJarGivenInZipkinJarAndNoneWhenItIsNotThere() throws IOException {
		Path given = Files.writeString(this.localRepository.resolve("zipkin.jar"), "jar");

		assertThat(ZipkinServer.jar(Map.of("ZIPKIN_JAR", given.toString()), this.localRepository)).contains(given);
		assertThat(ZipkinServer.jar(Map.of("ZIPKIN_JAR", "/nowhere/zipkin.jar"), this.localRepository)).isEmpty();
	}
}

package org.leverans.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml runs the images the build makes, each checked for health, and starts what waits for it after. */
class ComposeFileTest {

	private static final String VERSION = System.getProperty("leverans.version");

	private static Map<String, Map<String, Object>> services;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void read() throws IOException {
		// SnakeYAML resolves the anchors and merge keys (<<: *service) as Docker Compose does
		Map<String, Object> compose = new Yaml()
			.load(Files.readString(ImageModules.ROOT.resolve("docker-compose.yml")));
		services = (Map<String, Map<String, Object>>) compose.get("services");
	}

	@Test
	void runsTheImageOfEveryModuleThatHasOne() {
		for (String module : ImageModules.all()) {
			assertThat(services).as("docker-compose.yml's services").containsKey(module);
			assertThat(services.get(module).get("image")).as(module).isEqualTo("leverans-" + module + ":" + VERSION);
		}
	}

	@Test
	void mountsNoBuildOutput() {
		services.forEach((name, service) -> {
			List<?> volumes = (List<?>) service.getOrDefault("volumes", List.of());
			assertThat(volumes).as(name).noneMatch(volume -> volume.toString().contains("target/"));
			assertThat(service.get("image")).as(name).asString().doesNotStartWith("eclipse-temurin");
		});
	}

	@Test
	void checksEveryListeningServiceWithTheProbeInItsImageAtItsPortsReadiness() {
		for (String module : ImageModules.all()) {
			for (int port : ImageModules.ports(module)) {
				Map<String, Object> service = services.get(module);
				assertThat(environment(service)).as(module).containsEntry("SERVER_PORT", String.valueOf(port));
				assertThat(healthcheck(module)).as(module)
					.startsWith("CMD", "/opt/java/bin/java")
					.containsSubsequence("-cp", "/opt/leverans/probe", HealthProbe.class.getName(),
							"http://localhost:" + port + "/actuator/health/readiness");
			}
		}
	}

	@Test
	void startsAServiceOnlyWhenWhatItDependsOnIsHealthy() {
		services.forEach((name, service) -> {
			Map<String, Map<String, Object>> dependencies = dependsOn(service);
			dependencies.forEach((dependency, condition) -> {
				assertThat(services).as(name + " depends on " + dependency).containsKey(dependency);
				assertThat(condition).as(name + " on " + dependency).containsEntry("condition", "service_healthy");
				assertThat(services.get(dependency)).as(dependency + ", which " + name + " waits for")
					.containsKey("healthcheck");
			});
		});
		assertThat(dependsOn(services.get("order-service"))).containsKeys("postgres", "kafka", "agreement-service");
		assertThat(dependsOn(services.get("gateway"))).containsKey("auth-server");
		assertThat(dependsOn(services.get("partner-simulator"))).containsKeys("gateway", "auth-server");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> dependsOn(Map<String, Object> service) {
		return (Map<String, Map<String, Object>>) service.getOrDefault("depends_on", Map.of());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> environment(Map<String, Object> service) {
		return (Map<String, Object>) service.getOrDefault("environment", Map.of());
	}

	@SuppressWarnings("unchecked")
	private static List<String> healthcheck(String name) {
		Map<String, Object> healthcheck = (Map<String, Object>) services.get(name).get("healthcheck");
		assertThat(healthcheck).as(name + "'s healthcheck").isNotNull();
		return (List<String>) healthcheck.get("test");
	}
}

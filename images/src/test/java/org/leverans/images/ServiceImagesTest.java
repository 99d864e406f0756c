package org.leverans.images;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What every image says about itself, read from its tarball the way {@code docker load} reads it. */
class ServiceImagesTest {

	private static final String VERSION = System.getProperty("leverans.version");

	@Test
	void everyServiceTheHelmChartDeploysAndTheSimulatorHaveAnImage() {
		assertThat(ImageModules.all()).containsExactlyInAnyOrder("auth-server", "gateway", "agreement-service",
				"order-service", "credit-service", "delivery-service", "notification-service", "billing-service",
				"partner-simulator");
	}

	@Test
	void imagesAreNamedLeveransComponentAtTheProjectVersion() {
		for (String module : ImageModules.all()) {
			assertThat(Images.of(module).tags()).containsExactly("leverans-" + module + ":" + VERSION);
		}
	}

	@Test
	void imagesStartTheirOwnJavaRuntimeOnTheClasspathJibWrote() {
		for (String module : ImageModules.all()) {
			assertThat(Images.of(module).entrypoint()).as(module)
				.startsWith("/opt/java/bin/java")
				.contains("-XX:+ExitOnOutOfMemoryError")
				.endsWith("-cp", "@/app/jib-classpath-file", "@/app/jib-main-class-file");
		}
	}

	@Test
	void imagesRunAsAUserOtherThanRoot() {
		for (String module : ImageModules.all()) {
			String user = Images.of(module).containerConfig().get("User").asString();
			assertThat(user).as(module).isNotBlank().doesNotStartWith("root").doesNotStartWith("0:").isNotEqualTo("0");
		}
	}

	@Test
	void imagesExposeThePortTheirServiceListensOn() {
		for (String module : ImageModules.all()) {
			JsonNode exposed = Images.of(module).containerConfig().path("ExposedPorts");
			List<String> ports = exposed.isObject() ? List.copyOf(exposed.propertyNames()) : List.of();
			assertThat(ports).as(module)
				.containsExactlyInAnyOrderElementsOf(ImageModules.ports(module).stream().map(p -> p + "/tcp").toList());
		}
	}

	@Test
	void imagesCarryTheOpenContainersLabels() {
		for (String module : ImageModules.all()) {
			JsonNode labels = Images.of(module).containerConfig().get("Labels");
			assertThat(labels.get("org.opencontainers.image.title").asString()).isEqualTo("leverans-" + module);
			assertThat(labels.get("org.opencontainers.image.version").asString()).isEqualTo(VERSION);
		}
	}

	@Test
	void everyImageSharesOneRuntimeLayerWithTheLoaderTheUserAndTheProbe() {
		Map<String, String> runtimeLayers = ImageModules.all().stream().collect(Collectors.toMap(module -> module,
				module -> runtimeLayer(Images.of(module))));
		assertThat(runtimeLayers.values().stream().distinct()).as("the runtime layer of every image: " + runtimeLayers)
			.hasSize(1);

		ImageTarball image = Images.of(ImageModules.all().getFirst());
		List<String> runtime = image.contentsOf(runtimeLayer(image));
		assertThat(runtime).contains("opt/java/bin/java", "opt/java/lib/server/libjvm.so", "opt/java/lib/modules",
				"etc/passwd", "tmp/", "opt/leverans/probe/org/leverans/images/HealthProbe.class");
		assertThat(runtime).anyMatch(name -> name.matches("lib(64)?/(.*/)?ld-linux.*\\.so\\.\\d"))
			.anyMatch(name -> name.matches("lib/.*/libc\\.so\\.6"));
	}

	/** Jib's layer of extra files: the runtime tree of images/runtime.sh. */
	private static String runtimeLayer(ImageTarball image) {
		return image.layerMadeFor("extra files");
	}
}

package org.leverans.platform.process;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class JavaCommandTest {

	@Test
	void followsTheLauncherJarsManifestClassPath(@TempDir Path target) throws Exception {
		Path launcher = target.resolve("platform-0.1.0-SNAPSHOT.jar");
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/kafka_2.13-4.1.2.jar lib/slf4j-simple-2.0.20.jar");
		try (OutputStream out = Files.newOutputStream(launcher); JarOutputStream jar = new JarOutputStream(out, manifest)) {
			jar.flush();
		}
		assertThat(JavaCommand.manifestClassPath(launcher)).containsExactly(target.resolve("lib/kafka_2.13-4.1.2.jar"),
				target.resolve("lib/slf4j-simple-2.0.20.jar"));
	}

	@Test
	void marksEveryChildWithItsPlatformHome() {
		assertThat(JavaCommand.jar(Path.of("/lv"), java.util.List.of("-Xmx128m"), Path.of("/tools/wiremock.jar"),
				java.util.List.of("--port", "8089")))
			.containsSubsequence("-Xmx128m", "-Dleverans.home=/lv", "-jar", "/tools/wiremock.jar", "--port", "8089");
	}
}

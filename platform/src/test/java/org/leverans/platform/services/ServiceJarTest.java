package org.leverans.platform.services;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceJarTest {

	@TempDir
	Path root;

	@Test
	void findsTheRepackagedJarInTheModulesTargetDirectory() {
		assertThat(ServiceJar.of(this.root, Service.ORDER).path())
			.isEqualTo(this.root.resolve("order-service/target/order-service-0.1.0-SNAPSHOT.jar"));
	}

	@Test
	void reportsAModuleThatHasNotBeenBuilt() {
		assertThat(ServiceJar.of(this.root, Service.ORDER).problem()).startsWith("not built yet");
	}

	@Test
	void reportsAPlainJarThatSpringBootDidNotRepackage() throws Exception {
		ServiceJar jar = ServiceJar.of(this.root, Service.CREDIT);
		writeJar(jar.path(), null);
		assertThat(jar.problem()).contains("not an executable Spring Boot jar");
	}

	@Test
	void acceptsASpringBootJar() throws Exception {
		ServiceJar jar = ServiceJar.of(this.root, Service.GATEWAY);
		writeJar(jar.path(), "org.leverans.gateway.GatewayApplication");
		assertThat(jar.problem()).isNull();
	}

	@Test
	void runsFromACopyThatFollowsEveryRebuild() throws Exception {
		ServiceJar jar = ServiceJar.of(this.root, Service.GATEWAY);
		writeJar(jar.path(), "org.leverans.gateway.GatewayApplication");
		Path staging = this.root.resolve("home/services/gateway");

		ServiceJar staged = jar.stagedIn(staging);
		assertThat(staged.path()).isEqualTo(staging.resolve("gateway-0.1.0-SNAPSHOT.jar")).hasSameBinaryContentAs(jar.path());

		writeJar(jar.path(), "org.leverans.gateway.RebuiltApplication");
		Files.setLastModifiedTime(jar.path(), FileTime.from(Instant.now().plusSeconds(5)));
		assertThat(jar.stagedIn(staging).path()).hasSameBinaryContentAs(jar.path());
	}

	private static void writeJar(Path path, String startClass) throws Exception {
		Files.createDirectories(path.getParent());
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		if (startClass != null) {
			manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
			manifest.getMainAttributes().putValue("Start-Class", startClass);
		}
		try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out, manifest)) {
			jar.flush();
		}
	}
}

package org.leverans.platform.standins;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ToolJarsTest {

	@TempDir
	Path directory;

	@Test
	void prefersTheJarTheBuildCopiedToTheToolsDirectory() throws Exception {
		Path tools = Files.createDirectories(this.directory.resolve("platform/target/tools"));
		Path copied = Files.writeString(tools.resolve("wiremock-standalone-3.13.2.jar"), "");
		ToolJars jars = new ToolJars(List.of(tools), this.directory.resolve("repository"));
		assertThat(jars.find("org.wiremock", "wiremock-standalone", "3.13.2")).isEqualTo(copied);
	}

	@Test
	void fallsBackToTheLocalMavenRepository() throws Exception {
		Path repository = this.directory.resolve("repository");
		Path inRepository = repository.resolve("com/icegreen/greenmail-standalone/2.1.8/greenmail-standalone-2.1.8.jar");
		Files.createDirectories(inRepository.getParent());
		Files.writeString(inRepository, "");
		ToolJars jars = new ToolJars(List.of(this.directory.resolve("no-tools")), repository);
		assertThat(jars.find("com.icegreen", "greenmail-standalone", "2.1.8")).isEqualTo(inRepository);
	}

	@Test
	void saysHowToGetAJarItCannotFind() {
		ToolJars jars = new ToolJars(List.of(this.directory), this.directory.resolve("repository"));
		assertThatIllegalStateException().isThrownBy(() -> jars.find("org.wiremock", "wiremock-standalone", "3.13.2"))
			.withMessageContaining("./mvnw -pl platform package");
	}

	@Test
	void knowsTheVersionsTheBuildUsed() {
		ToolJars jars = ToolJars.forProject(Path.of("").toAbsolutePath().getParent());
		assertThat(jars.wiremock().getFileName().toString()).startsWith("wiremock-standalone-3.");
		assertThat(jars.greenmail().getFileName().toString()).startsWith("greenmail-standalone-2.");
	}
}

package org.leverans.platform.postgres;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.leverans.platform.services.Service;

import static org.assertj.core.api.Assertions.assertThat;

class DockerInitScriptTest {

	@Test
	void dockerComposeCreatesTheSameDatabasesAsTheLocalPlatform() throws Exception {
		String script = Files.readString(Path.of("src/main/docker/postgres-init.sql"));
		assertThat(script.lines().filter((line) -> line.startsWith("CREATE DATABASE ")).map((line) -> line
			.substring("CREATE DATABASE ".length()).replace(";", "").trim()))
			.containsExactlyInAnyOrderElementsOf(Service.databases());
	}
}

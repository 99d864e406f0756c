package org.leverans.platform.standins;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds the stand-ins' standalone jars: in {@code platform/target/tools} (copied there by the build), or else in the
 * local Maven repository, which is where they are when the platform runs from another module's tests.
 */
public final class ToolJars {

	public static final String WIREMOCK = "wiremock-standalone";

	public static final String GREENMAIL = "greenmail-standalone";

	private static final Properties VERSIONS = loadVersions();

	private final List<Path> toolDirectories;

	private final Path localRepository;

	public ToolJars(List<Path> toolDirectories, Path localRepository) {
		this.toolDirectories = List.copyOf(toolDirectories);
		this.localRepository = localRepository;
	}

	public static ToolJars forProject(Path projectRoot) {
		List<Path> directories = new ArrayList<>();
		directories.add(projectRoot.resolve("platform/target/tools"));
		String repository = System.getProperty("maven.repo.local");
		Path localRepository = (repository != null && !repository.isBlank()) ? Path.of(repository)
				: Path.of(System.getProperty("user.home"), ".m2", "repository");
		return new ToolJars(directories, localRepository);
	}

	public Path wiremock() {
		return find("org.wiremock", WIREMOCK, VERSIONS.getProperty("wiremock.version"));
	}

	public Path greenmail() {
		return find("com.icegreen", GREENMAIL, VERSIONS.getProperty("greenmail.version"));
	}

	Path find(String groupId, String artifactId, String version) {
		for (Path directory : this.toolDirectories) {
			Optional<Path> copied = newest(directory, artifactId);
			if (copied.isPresent()) {
				return copied.get();
			}
		}
		if (version != null && !version.isBlank()) {
			Path inRepository = this.localRepository.resolve(groupId.replace('.', '/'))
				.resolve(artifactId)
				.resolve(version)
				.resolve(artifactId + "-" + version + ".jar");
			if (Files.isRegularFile(inRepository)) {
				return inRepository;
			}
		}
		throw new IllegalStateException("Cannot find " + artifactId + ".jar in " + this.toolDirectories
				+ " nor in the local Maven repository " + this.localRepository
				+ "; build the platform module first (./mvnw -pl platform package)");
	}

	private static Optional<Path> newest(Path directory, String artifactId) {
		if (!Files.isDirectory(directory)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files
				.filter((file) -> file.getFileName().toString().startsWith(artifactId + "-")
						&& file.getFileName().toString().endsWith(".jar"))
				.max(Path::compareTo);
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static Properties loadVersions() {
		Properties properties = new Properties();
		try (InputStream in = ToolJars.class.getResourceAsStream("/org/leverans/platform/platform-versions.properties")) {
			if (in != null) {
				properties.load(in);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}
}

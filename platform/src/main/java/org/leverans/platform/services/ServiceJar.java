package org.leverans.platform.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** A service's repackaged Spring Boot jar, {@code <module>/target/<module>-<version>.jar}. */
public record ServiceJar(Service service, Path path) {

	public static final String VERSION = "0.1.0-SNAPSHOT";

	public static ServiceJar of(Path projectRoot, Service service) {
		return new ServiceJar(service,
				projectRoot.resolve(service.module()).resolve("target").resolve(service.module() + "-" + VERSION + ".jar"));
	}

	/**
	 * A copy of the jar in {@code directory}, refreshed when the build produced a newer one. The service runs from the
	 * copy: a Spring Boot jar loads classes lazily, and rebuilding the module while the platform runs would otherwise
	 * pull the jar out from under the running JVM.
	 */
	public ServiceJar stagedIn(Path directory) {
		Path copy = directory.resolve(this.path.getFileName());
		try {
			Files.createDirectories(directory);
			boolean current = Files.isRegularFile(copy) && Files.size(copy) == Files.size(this.path)
					&& Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(this.path));
			if (!current) {
				Path partial = directory.resolve(this.path.getFileName() + ".partial");
				Files.copy(this.path, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
				Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING);
			}
			return new ServiceJar(this.service, copy);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not copy " + this.path + " to " + directory, ex);
		}
	}

	/**
	 * Why the jar cannot be started, or null if it can. A module that is still being written has no jar, or only a
	 * plain one without a Spring Boot launcher.
	 */
	public String problem() {
		if (!Files.isRegularFile(this.path)) {
			return "not built yet (no " + this.path.getFileName() + ")";
		}
		try (JarFile jar = new JarFile(this.path.toFile())) {
			Manifest manifest = jar.getManifest();
			Attributes attributes = (manifest != null) ? manifest.getMainAttributes() : new Attributes();
			if (attributes.getValue("Start-Class") == null || attributes.getValue(Attributes.Name.MAIN_CLASS) == null) {
				return "not an executable Spring Boot jar (" + this.path.getFileName() + " has no Start-Class)";
			}
			return null;
		}
		catch (IOException ex) {
			return "unreadable jar " + this.path + " (" + ex.getMessage() + ")";
		}
	}
}

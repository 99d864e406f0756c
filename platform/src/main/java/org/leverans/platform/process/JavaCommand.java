package org.leverans.platform.process;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** Command lines for child JVMs, run by the same Java as the launcher. */
public final class JavaCommand {

	/** Marks every child JVM with the platform home it belongs to, so a stale one can be told apart from others. */
	public static final String HOME_PROPERTY = "leverans.home";

	private JavaCommand() {
	}

	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** {@code java <jvmOptions> -Dleverans.home=<home> -jar <jar> <args>} */
	public static List<String> jar(Path home, List<String> jvmOptions, Path jar, List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(jvmOptions);
		command.add("-D" + HOME_PROPERTY + "=" + home);
		command.add("-jar");
		command.add(jar.toString());
		command.addAll(args);
		return command;
	}

	/** {@code java <jvmOptions> -Dleverans.home=<home> -cp <the launcher's classpath> <mainClass> <args>} */
	public static List<String> mainClass(Path home, List<String> jvmOptions, String mainClass, List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(jvmOptions);
		command.add("-D" + HOME_PROPERTY + "=" + home);
		command.add("-cp");
		command.add(launcherClasspath());
		command.add(mainClass);
		command.addAll(args);
		return command;
	}

	/**
	 * The launcher's classpath with absolute entries, a jar that only points at others through its manifest
	 * Class-Path ({@code java -jar platform.jar} with lib/…, or a test runner's manifest-only jar) replaced by those
	 * others. The child then does not read the launcher jar, which a rebuild may replace while it runs.
	 */
	public static String launcherClasspath() {
		Set<String> entries = new LinkedHashSet<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (entry.isBlank()) {
				continue;
			}
			Path path = Path.of(entry).toAbsolutePath().normalize();
			List<Path> referenced = manifestClassPath(path);
			if (referenced.isEmpty()) {
				entries.add(path.toString());
			}
			else {
				referenced.forEach((reference) -> entries.add(reference.toString()));
			}
		}
		return String.join(File.pathSeparator, entries);
	}

	static List<Path> manifestClassPath(Path jar) {
		if (!Files.isRegularFile(jar) || !jar.getFileName().toString().endsWith(".jar")) {
			return List.of();
		}
		try (JarFile file = new JarFile(jar.toFile())) {
			Manifest manifest = file.getManifest();
			String classPath = (manifest != null) ? manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH)
					: null;
			if (classPath == null || classPath.isBlank()) {
				return List.of();
			}
			List<Path> paths = new ArrayList<>();
			URI base = jar.getParent().toUri();
			for (String reference : classPath.trim().split("\\s+")) {
				paths.add(Path.of(base.resolve(reference)).normalize());
			}
			return paths;
		}
		catch (IOException | RuntimeException ex) {
			return List.of();
		}
	}
}

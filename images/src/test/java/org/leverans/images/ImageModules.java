package org.leverans.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The modules that have an image: those of the root pom whose own pom opts in to the images profile
 * ({@code <image.skip>false</image.skip>}), so a new service with an image is checked without touching the tests.
 */
final class ImageModules {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

	private static final Pattern PORT = Pattern.compile("<image\\.port>(\\d+)</image\\.port>");

	private ImageModules() {
	}

	static List<String> all() {
		Matcher modules = MODULE.matcher(read(ROOT.resolve("pom.xml")));
		return modules.results()
			.map(module -> module.group(1))
			.filter(module -> read(ROOT.resolve(module).resolve("pom.xml")).contains("<image.skip>false</image.skip>"))
			.toList();
	}

	/** The port the module's image exposes, or none for one that listens on none. */
	static List<Integer> ports(String module) {
		return PORT.matcher(read(ROOT.resolve(module).resolve("pom.xml")))
			.results()
			.map(port -> Integer.valueOf(port.group(1)))
			.toList();
	}

	static Path tarball(String module) {
		return ROOT.resolve(module).resolve("target/jib-image.tar");
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}

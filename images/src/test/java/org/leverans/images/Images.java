package org.leverans.images;

import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Whether this build made the images: required when it did (the images profile, on unless
 * {@code -Dimages.skip=true}), skipped otherwise.
 */
final class Images {

	// every test asks for every image; its manifest and config are read once per test JVM
	private static final Map<String, ImageTarball> READ = new ConcurrentHashMap<>();

	private Images() {
	}

	static ImageTarball of(String module) {
		requireBuilt();
		return READ.computeIfAbsent(module, name -> ImageTarball.read(ImageModules.tarball(name)));
	}

	static void requireBuilt() {
		if (Boolean.getBoolean("leverans.images.built")) {
			for (String module : ImageModules.all()) {
				assertThat(ImageModules.tarball(module)).as("the image of " + module + " (profile images)")
					.isRegularFile();
			}
		}
		else {
			assumeTrue(ImageModules.all().stream()
				.allMatch(module -> Files.isRegularFile(ImageModules.tarball(module))),
					"the images are built unless -Dimages.skip=true");
		}
	}
}

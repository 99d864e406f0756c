package org.leverans.images;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Whether this build made the images: required with the images profile, skipped otherwise. */
final class Images {

	private Images() {
	}

	static ImageTarball of(String module) {
		requireBuilt();
		return ImageTarball.read(ImageModules.tarball(module));
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
					"the images are built with -Pimages");
		}
	}
}

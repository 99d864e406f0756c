package org.leverans.platform;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PlatformHomeTest {

	@Test
	void refusesToWipeADirectoryThatIsNotAPlatformHome(@TempDir Path directory) throws Exception {
		Path precious = Files.writeString(directory.resolve("thesis.tex"), "years of work");
		PlatformSettings settings = PlatformSettings.defaults(directory).withHome(directory).withFresh(true)
			.withoutServices();
		assertThatIllegalStateException()
			.isThrownBy(() -> Platform.start(settings, ProgressListener.silent()))
			.withMessageContaining("Refusing to wipe");
		assertThat(precious).exists();
	}

	@Test
	void recognisesAPlatformHomeByItsMarkerOrByBeingEmpty(@TempDir Path directory) throws Exception {
		assertThat(Platform.isPlatformHome(directory)).isTrue();
		Files.writeString(directory.resolve("logs"), "");
		assertThat(Platform.isPlatformHome(directory)).isFalse();
		Files.writeString(directory.resolve(Platform.HOME_MARKER), "");
		assertThat(Platform.isPlatformHome(directory)).isTrue();
	}
}

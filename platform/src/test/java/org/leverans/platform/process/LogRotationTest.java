package org.leverans.platform.process;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LogRotationTest {

	@Test
	void aRestartKeepsTheLogOfWhatWentBefore(@TempDir Path logs) throws Exception {
		Path log = logs.resolve("order-service.log");
		Files.writeString(log, "before the outage");

		LogRotation.rotate(log);

		assertThat(log).doesNotExist();
		assertThat(LogRotation.generation(log, 1)).hasContent("before the outage");
	}

	@Test
	void keepsFiveGenerationsAndDropsTheOldest(@TempDir Path logs) throws Exception {
		Path log = logs.resolve("gateway.log");
		for (int start = 1; start <= LogRotation.KEPT + 2; start++) {
			LogRotation.rotate(log);
			Files.writeString(log, "start " + start);
		}

		assertThat(log).hasContent("start 7");
		assertThat(LogRotation.generation(log, 1)).hasContent("start 6");
		assertThat(LogRotation.generation(log, LogRotation.KEPT)).hasContent("start 2");
		assertThat(LogRotation.generation(log, LogRotation.KEPT + 1)).doesNotExist();
	}

	@Test
	void anEmptyLogIsNotWorthAGeneration(@TempDir Path logs) throws Exception {
		Path log = logs.resolve("mail.log");
		Files.writeString(log, "earlier");
		LogRotation.rotate(log);
		Files.writeString(log, "");

		LogRotation.rotate(log);

		assertThat(LogRotation.generation(log, 1)).hasContent("earlier");
		assertThat(LogRotation.generation(log, 2)).doesNotExist();
	}
}

package org.leverans.platform.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LogTailTest {

	@Test
	void showsTheLastLinesOfALongLog(@TempDir Path directory) throws Exception {
		Path log = Files.writeString(directory.resolve("order-service.log"),
				IntStream.rangeClosed(1, 50_000).mapToObj((i) -> "line " + i).collect(Collectors.joining("\n", "", "\n")));
		assertThat(LogTail.lastLines(log, 3)).containsExactly("line 49998", "line 49999", "line 50000");
	}

	@Test
	void showsAllOfAShortLog(@TempDir Path directory) throws Exception {
		Path log = Files.writeString(directory.resolve("kafka.log"), "one\ntwo\n");
		assertThat(LogTail.lastLines(log, 30)).containsExactly("one", "two");
	}

	@Test
	void showsNothingForALogNotWrittenYet(@TempDir Path directory) {
		assertThat(LogTail.lastLines(directory.resolve("missing.log"), 30)).isEmpty();
	}
}

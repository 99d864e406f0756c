package org.leverans.platform.control;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.leverans.platform.state.PlatformState;
import org.leverans.platform.state.PlatformState.ComponentState;
import org.leverans.platform.state.ProcessRef;
import org.leverans.platform.state.StateFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PlatformControlTest {

	@TempDir
	Path home;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private final PrintStream out = new PrintStream(this.output, true, StandardCharsets.UTF_8);

	private Process leftover;

	@AfterEach
	void killLeftover() {
		if (this.leftover != null) {
			this.leftover.destroyForcibly();
		}
	}

	@Test
	void downStopsWhatALauncherThatDiedLeftBehind() throws Exception {
		this.leftover = new ProcessBuilder("sleep", "300").start();
		ProcessRef deadLauncher = new ProcessRef(ProcessHandle.current().pid(), Instant.parse("2000-01-01T00:00:00Z"));
		StateFile stateFile = new StateFile(this.home);
		stateFile.write(new PlatformState(deadLauncher, this.home, 0, java.util.List.of(new ComponentState("kafka",
				Optional.of(ProcessRef.of(this.leftover.toHandle())), "localhost:9092", Optional.empty()))));

		assertThat(new PlatformControl(this.home, this.out).down()).isTrue();

		await().atMost(Duration.ofSeconds(5)).until(() -> !this.leftover.isAlive());
		assertThat(stateFile.read()).isEmpty();
		assertThat(this.output.toString(StandardCharsets.UTF_8)).contains("stopped leftover kafka");
	}

	@Test
	void downLeavesAProcessAloneThatMerelyReusedARecordedPid() throws Exception {
		this.leftover = new ProcessBuilder("sleep", "300").start();
		ProcessRef reusedPid = new ProcessRef(this.leftover.pid(), Instant.parse("2000-01-01T00:00:00Z"));
		new StateFile(this.home).write(new PlatformState(reusedPid, this.home, 0, java.util.List.of(
				new ComponentState("kafka", Optional.of(reusedPid), "localhost:9092", Optional.empty()))));

		assertThat(new PlatformControl(this.home, this.out).down()).isFalse();

		assertThat(this.leftover.isAlive()).isTrue();
	}

	@Test
	void statusSaysSoWhenNothingRuns() {
		assertThat(new PlatformControl(this.home, this.out).status()).isFalse();
		assertThat(this.output.toString(StandardCharsets.UTF_8)).contains("Leverans is not running");
	}
}

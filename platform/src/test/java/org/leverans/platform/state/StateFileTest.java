package org.leverans.platform.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.leverans.platform.state.PlatformState.ComponentState;

import static org.assertj.core.api.Assertions.assertThat;

class StateFileTest {

	@TempDir
	Path home;

	@Test
	void readsBackWhatTheLauncherWrote() {
		StateFile file = new StateFile(this.home);
		PlatformState state = PlatformState.startedBy(ProcessHandle.current(), this.home, 100)
			.with(new ComponentState("postgres", Optional.of(new ProcessRef(4242, Instant.parse("2026-11-22T10:00:00.120Z"))),
					"jdbc:postgresql://localhost:15532/", Optional.empty()))
			.with(new ComponentState("kafka", Optional.empty(), "kafka-1:9092", Optional.empty()))
			.with(new ComponentState("order-service", Optional.of(new ProcessRef(4343, null)), "http://localhost:8181",
					Optional.of("http://localhost:8181/actuator/health")));
		file.write(state);
		assertThat(file.read()).contains(state);
	}

	@Test
	void keepsComponentsInStartOrderAndForgetsStoppedOnes() {
		PlatformState state = PlatformState.startedBy(ProcessHandle.current(), this.home, 0)
			.with(new ComponentState("postgres", Optional.empty(), "a", Optional.empty()))
			.with(new ComponentState("kafka", Optional.empty(), "b", Optional.empty()))
			.without("postgres");
		assertThat(state.components()).extracting(ComponentState::name).containsExactly("kafka");
	}

	@Test
	void letsAShellFindTheLauncherPid() throws Exception {
		StateFile file = new StateFile(this.home);
		file.write(PlatformState.startedBy(ProcessHandle.current(), this.home, 0));
		assertThat(Files.readAllLines(file.path())).contains("launcher.pid=" + ProcessHandle.current().pid());
	}

	@Test
	void findsNothingWhenNoPlatformRan() {
		assertThat(new StateFile(this.home).read()).isEmpty();
	}

	@Test
	void recognisesARecordedProcessOnlyWhileThatSameProcessRuns() {
		ProcessRef self = ProcessRef.of(ProcessHandle.current());
		assertThat(self.isAlive()).isTrue();
		ProcessRef samePidLongAgo = new ProcessRef(self.pid(), self.startedAt().minusSeconds(3600));
		assertThat(samePidLongAgo.isAlive()).isFalse();
	}
}

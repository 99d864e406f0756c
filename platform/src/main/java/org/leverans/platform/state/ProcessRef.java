package org.leverans.platform.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A process recorded by pid and start time, so a later, unrelated process that got the same pid is never taken for
 * it (and never signalled).
 */
public record ProcessRef(long pid, Instant startedAt) {

	private static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(2);

	public static ProcessRef of(ProcessHandle handle) {
		return new ProcessRef(handle.pid(), handle.info().startInstant().orElse(null));
	}

	/** The process, if it still runs and is the one that was recorded. */
	public Optional<ProcessHandle> live() {
		return ProcessHandle.of(this.pid).filter(ProcessHandle::isAlive).filter(this::sameStart);
	}

	public boolean isAlive() {
		return live().isPresent();
	}

	private boolean sameStart(ProcessHandle handle) {
		if (this.startedAt == null) {
			return true;
		}
		return handle.info()
			.startInstant()
			.map((actual) -> Duration.between(actual, this.startedAt).abs().compareTo(START_TIME_TOLERANCE) <= 0)
			.orElse(true);
	}
}

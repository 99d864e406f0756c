package org.leverans.platform.process;

import java.time.Instant;
import java.util.Optional;

/** Something the platform started and must stop again. */
public interface Component {

	String name();

	/** Where to reach it, e.g. {@code localhost:9092} or {@code http://localhost:8081}. */
	String address();

	/** The OS process that serves it, if the platform started one (not for external Kafka or PostgreSQL). */
	default Optional<ProcessHandle> process() {
		return child().map(ChildProcess::handle);
	}

	/** When {@link #process()} started, to tell it apart from a later process that got the same pid. */
	default Optional<Instant> processStartedAt() {
		return process().flatMap((handle) -> handle.info().startInstant());
	}

	/** The child process the platform started for it, if any (PostgreSQL runs in-process via pg_ctl). */
	default Optional<ChildProcess> child() {
		return Optional.empty();
	}

	/** An HTTP health URL that answers 200 when it is up, if it has one. */
	default Optional<String> healthUrl() {
		return Optional.empty();
	}

	/** Stops it and everything it started; returns once nothing of it is left running. */
	void stop();

	/**
	 * Kills its process and everything that process started with {@code SIGKILL}, all at once, as a crash or a power
	 * loss would: nothing is shut down cleanly. Returns once none of them is left.
	 */
	default void kill() {
		process().ifPresent(ChildProcess::kill);
	}
}

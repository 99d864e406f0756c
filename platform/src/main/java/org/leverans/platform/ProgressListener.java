package org.leverans.platform;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

import org.leverans.platform.process.StartupFailure;

/** Hears what the platform is doing, to show progress while it starts and stops. */
public interface ProgressListener {

	/** A component is being started. */
	default void starting(String component, String description) {
	}

	/** A component answers; {@code took} is from its start to its first good answer. */
	default void ready(String component, String description, Duration took) {
	}

	/** A service is not started, e.g. because its module has not been built yet. */
	default void skipped(String component, String reason) {
	}

	default void failed(StartupFailure failure) {
	}

	default void stopping(String component) {
	}

	default void stopped(String component, Duration took) {
	}

	/** A component that was up exited by itself. */
	default void exitedUnexpectedly(String component, int exitCode, Path logFile) {
	}

	default void info(String message) {
	}

	/** Prints one line per event, like {@code ✔ PostgreSQL 17.6 on :15432 (2.1 s)}. */
	static ProgressListener printingTo(PrintStream out) {
		return new ConsoleProgress(out);
	}

	static ProgressListener silent() {
		return new ProgressListener() {
		};
	}
}

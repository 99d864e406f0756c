package org.leverans.platform.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A component did not come up; carries where to look. */
public class StartupFailure extends RuntimeException {

	private final String component;

	private final transient Path logFile;

	private final List<String> logTail;

	public StartupFailure(String component, String reason, Path logFile, List<String> logTail) {
		super(component + ": " + reason);
		this.component = component;
		this.logFile = logFile;
		this.logTail = List.copyOf(logTail);
	}

	public StartupFailure(String component, String reason, Throwable cause) {
		super(component + ": " + reason, cause);
		this.component = component;
		this.logFile = null;
		this.logTail = List.of();
	}

	public String component() {
		return this.component;
	}

	public Optional<Path> logFile() {
		return Optional.ofNullable(this.logFile);
	}

	/** The last lines of the component's log, empty if it has none. */
	public List<String> logTail() {
		return this.logTail;
	}
}

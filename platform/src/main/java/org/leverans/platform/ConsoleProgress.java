package org.leverans.platform;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.leverans.platform.process.StartupFailure;

/** Progress as short lines on a terminal; children never write here, so the lines stay readable. */
final class ConsoleProgress implements ProgressListener {

	private final PrintStream out;

	ConsoleProgress(PrintStream out) {
		this.out = out;
	}

	@Override
	public void starting(String component, String description) {
		print("  … " + description);
	}

	@Override
	public void ready(String component, String description, Duration took) {
		print("  ✔ " + description + " (" + seconds(took) + ")");
	}

	@Override
	public void skipped(String component, String reason) {
		print("  ⚠ " + component + " skipped: " + reason);
	}

	@Override
	public void failed(StartupFailure failure) {
		StringBuilder text = new StringBuilder("  ✖ ").append(failure.getMessage());
		if (!failure.logTail().isEmpty()) {
			text.append("\n    ── last lines of ").append(failure.logFile().map(Path::toString).orElse("its log")).append(" ──");
			failure.logTail().forEach((line) -> text.append("\n    ").append(line));
			text.append("\n    ──");
		}
		else if (failure.getCause() != null) {
			text.append("\n    cause: ").append(failure.getCause());
		}
		print(text.toString());
	}

	@Override
	public void stopping(String component) {
	}

	@Override
	public void stopped(String component, Duration took) {
		print("  ■ stopped " + component + " (" + seconds(took) + ")");
	}

	@Override
	public void exitedUnexpectedly(String component, int exitCode, Path logFile) {
		print("  ✖ " + component + " exited unexpectedly (exit code " + exitCode + "), see " + logFile);
	}

	@Override
	public void info(String message) {
		print(message);
	}

	static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	private void print(String line) {
		synchronized (this.out) {
			this.out.println(line);
			this.out.flush();
		}
	}
}

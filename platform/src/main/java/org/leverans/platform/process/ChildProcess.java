package org.leverans.platform.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A component running as its own OS process, its output going to one log file (never to the launcher's terminal).
 */
public final class ChildProcess {

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private final String name;

	private final Process process;

	private final Instant startedAt;

	private final Path logFile;

	private ChildProcess(String name, Process process, Path logFile) {
		this.name = name;
		this.process = process;
		this.startedAt = process.info().startInstant().orElseGet(Instant::now);
		this.logFile = logFile;
	}

	/**
	 * Starts {@code command} in {@code workingDirectory} with {@code environment} added to the launcher's own,
	 * stdout and stderr going to a new {@code logFile}; the previous one is kept by {@link LogRotation}.
	 */
	public static ChildProcess start(String name, List<String> command, Map<String, String> environment,
			Path workingDirectory, Path logFile) {
		try {
			LogRotation.rotate(logFile);
			Files.createDirectories(workingDirectory);
			ProcessBuilder builder = new ProcessBuilder(ownSession(command)).directory(workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
				.redirectInput(ProcessBuilder.Redirect.PIPE);
			builder.environment().putAll(environment);
			Process process = builder.start();
			process.getOutputStream().close();
			return new ChildProcess(name, process, logFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name + ": " + String.join(" ", command), ex);
		}
	}

	/*
	 * Ctrl-C in a terminal signals the whole foreground process group. A child in its own session is left alone, so
	 * the launcher can stop everything in reverse start order. setsid execs in place (the child is never a process
	 * group leader), so the pid stays the JVM's.
	 */
	private static List<String> ownSession(List<String> command) {
		if (!Files.isExecutable(SETSID)) {
			return command;
		}
		List<String> wrapped = new ArrayList<>(command.size() + 1);
		wrapped.add(SETSID.toString());
		wrapped.addAll(command);
		return wrapped;
	}

	public String name() {
		return this.name;
	}

	public long pid() {
		return this.process.pid();
	}

	public Instant startedAt() {
		return this.startedAt;
	}

	public Path logFile() {
		return this.logFile;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public ProcessHandle handle() {
		return this.process.toHandle();
	}

	public Optional<Integer> exitCode() {
		return this.process.isAlive() ? Optional.empty() : Optional.of(this.process.exitValue());
	}

	public java.util.concurrent.CompletableFuture<Process> onExit() {
		return this.process.onExit();
	}

	/**
	 * Asks the process to stop (SIGTERM, which lets a JVM run its shutdown hooks), waits up to {@code grace}, then
	 * kills it; descendants it started are stopped the same way, so nothing is left behind.
	 */
	public void stop(Duration grace) {
		stop(this.process.toHandle(), grace);
	}

	/** Stops any process and its descendants: SIGTERM, wait up to {@code grace}, then SIGKILL. */
	public static void stop(ProcessHandle root, Duration grace) {
		Set<ProcessHandle> family = new LinkedHashSet<>();
		family.add(root);
		root.descendants().forEach(family::add);
		family.forEach(ProcessHandle::destroy);
		awaitExit(family, grace);
		root.descendants().forEach(family::add);
		for (ProcessHandle handle : family) {
			if (handle.isAlive()) {
				handle.destroyForcibly();
			}
		}
		awaitExit(family, Duration.ofSeconds(5));
	}

	/** Kills a process and its descendants with {@code SIGKILL}, all at once, and waits until none is left. */
	public static void kill(ProcessHandle root) {
		Set<ProcessHandle> family = new LinkedHashSet<>();
		family.add(root);
		root.descendants().forEach(family::add);
		family.forEach(ProcessHandle::destroyForcibly);
		awaitExit(family, Duration.ofSeconds(30));
		List<Long> survivors = family.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
		if (!survivors.isEmpty()) {
			throw new IllegalStateException("Processes " + survivors + " outlived SIGKILL for 30 s");
		}
	}

	private static void awaitExit(Set<ProcessHandle> handles, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		for (ProcessHandle handle : handles) {
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				return;
			}
			try {
				handle.onExit().get(remaining, TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				return;
			}
			catch (ExecutionException ex) {
				// onExit of a process handle does not fail; nothing to wait for
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public String toString() {
		return this.name + " (pid " + pid() + ")";
	}
}

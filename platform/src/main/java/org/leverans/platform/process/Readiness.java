package org.leverans.platform.process;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a component until it answers, fails at once if its process dies. */
public final class Readiness {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

	/** One attempt to talk to the component; false or an exception means "not yet". */
	@FunctionalInterface
	public interface Probe {

		boolean ready() throws Exception;

	}

	/** Thrown when the platform is being closed while a component was still starting. */
	public static final class Abandoned extends RuntimeException {

		public Abandoned(String component) {
			super(component + ": start abandoned, the platform is stopping");
		}

	}

	private Readiness() {
	}

	/**
	 * Waits until {@code probe} succeeds.
	 * @param process the component's process, or null if it runs elsewhere
	 * @param abandoned true once the platform is closing, which ends the wait
	 */
	public static void await(String component, ChildProcess process, Duration timeout, BooleanSupplier abandoned,
			Probe probe) {
		long deadline = System.nanoTime() + timeout.toNanos();
		Exception lastProblem = null;
		while (true) {
			if (abandoned.getAsBoolean()) {
				throw new Abandoned(component);
			}
			if (process != null && !process.isAlive()) {
				throw new StartupFailure(component, "exited with code " + process.exitCode().orElse(-1)
						+ " while starting", process.logFile(), LogTail.lastLines(process.logFile(), 30));
			}
			try {
				if (probe.ready()) {
					return;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new Abandoned(component);
			}
			catch (Exception ex) {
				lastProblem = ex;
			}
			if (System.nanoTime() > deadline) {
				String reason = "not ready after " + timeout.toSeconds() + " s"
						+ ((lastProblem != null) ? " (last problem: " + lastProblem + ")" : "");
				if (process != null) {
					throw new StartupFailure(component, reason, process.logFile(),
							LogTail.lastLines(process.logFile(), 30));
				}
				throw new StartupFailure(component, reason, lastProblem);
			}
			try {
				Thread.sleep(POLL_INTERVAL);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new Abandoned(component);
			}
		}
	}
}

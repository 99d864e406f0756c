package org.leverans.platform.control;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.leverans.platform.postgres.EmbeddedPostgresServer;
import org.leverans.platform.process.ChildProcess;
import org.leverans.platform.process.HttpProbe;
import org.leverans.platform.process.JavaCommand;
import org.leverans.platform.state.PlatformState;
import org.leverans.platform.state.PlatformState.ComponentState;
import org.leverans.platform.state.ProcessRef;
import org.leverans.platform.state.StateFile;

/** {@code ./leverans down} and {@code ./leverans status}: act on a platform started by another process. */
public final class PlatformControl {

	/** Time for the launcher to stop everything it started (services, then Kafka and PostgreSQL). */
	public static final Duration LAUNCHER_STOP_TIMEOUT = Duration.ofMinutes(3);

	private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(10);

	private final Path home;

	private final StateFile stateFile;

	private final PrintStream out;

	public PlatformControl(Path home, PrintStream out) {
		this.home = home;
		this.stateFile = new StateFile(home);
		this.out = out;
	}

	/**
	 * Stops the platform: signals the launcher (SIGTERM runs its shutdown hook, which stops everything in reverse
	 * order) and waits until it is gone, then stops whatever a crashed launcher left behind.
	 * @return true if something was running
	 */
	public boolean down() {
		Optional<PlatformState> recorded = this.stateFile.read();
		boolean stoppedSomething = false;
		if (recorded.isPresent()) {
			PlatformState state = recorded.get();
			Optional<ProcessHandle> launcher = state.launcher().live()
				.filter((handle) -> handle.pid() != ProcessHandle.current().pid());
			if (launcher.isPresent()) {
				this.out.println("  … stopping Leverans (launcher pid " + launcher.get().pid() + ")");
				stopLauncher(launcher.get());
				stoppedSomething = true;
			}
		}
		List<String> leftovers = stopLeftovers(recorded);
		leftovers.forEach((leftover) -> this.out.println("  ■ stopped leftover " + leftover));
		this.stateFile.delete();
		stoppedSomething |= !leftovers.isEmpty();
		this.out.println(stoppedSomething ? "  ✔ Leverans stopped, nothing left running"
				: "  Leverans is not running (" + this.home + ")");
		return stoppedSomething;
	}

	private void stopLauncher(ProcessHandle launcher) {
		launcher.destroy();
		try {
			launcher.onExit().get(LAUNCHER_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			this.out.println("  ⚠ the launcher did not stop within " + LAUNCHER_STOP_TIMEOUT.toSeconds()
					+ " s; killing it and what it started");
			ChildProcess.stop(launcher, Duration.ZERO);
		}
		catch (ExecutionException ex) {
			// onExit of a process handle does not fail
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stops processes of this platform home that outlived their launcher (e.g. after kill -9): the recorded ones,
	 * every JVM marked {@code -Dleverans.home=<home>}, and a PostgreSQL still serving the home's data directory.
	 * @return what was stopped
	 */
	public List<String> stopLeftovers(Optional<PlatformState> recorded) {
		List<String> stopped = new ArrayList<>();
		if (recorded.isPresent()) {
			List<ComponentState> components = new ArrayList<>(recorded.get().components());
			components.sort(Comparator.comparing(ComponentState::name, StopOrder.byName()));
			for (ComponentState component : components) {
				Optional<ProcessHandle> process = component.process().flatMap(ProcessRef::live);
				if (process.isPresent() && process.get().pid() != ProcessHandle.current().pid()) {
					ChildProcess.stop(process.get(), LEFTOVER_GRACE);
					stopped.add(component.name() + " (pid " + process.get().pid() + ")");
				}
			}
		}
		String marker = "-D" + JavaCommand.HOME_PROPERTY + "=" + this.home;
		List<ProcessHandle> marked = ProcessHandle.allProcesses()
			.filter((process) -> process.pid() != ProcessHandle.current().pid())
			.filter((process) -> process.info().arguments().map((args) -> List.of(args).contains(marker)).orElse(false))
			.toList();
		for (ProcessHandle process : marked) {
			if (process.isAlive()) {
				ChildProcess.stop(process, LEFTOVER_GRACE);
				stopped.add("JVM pid " + process.pid());
			}
		}
		Path dataDirectory = this.home.resolve("postgres");
		Optional<ProcessHandle> postmaster = EmbeddedPostgresServer.postmasterPid(dataDirectory)
			.flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter((process) -> process.info().command().map((command) -> command.endsWith("postgres")).orElse(false));
		if (postmaster.isPresent()) {
			// SIGTERM is PostgreSQL's "smart" shutdown: clean, once its clients (stopped above) are gone.
			ChildProcess.stop(postmaster.get(), Duration.ofSeconds(30));
			stopped.add("PostgreSQL (pid " + postmaster.get().pid() + ")");
		}
		return stopped;
	}

	/**
	 * Prints which components run.
	 * @return true if the launcher runs
	 */
	public boolean status() {
		Optional<PlatformState> recorded = this.stateFile.read();
		if (recorded.isEmpty()) {
			this.out.println("  Leverans is not running (" + this.home + ")");
			return false;
		}
		PlatformState state = recorded.get();
		boolean launcherAlive = state.launcher().isAlive();
		this.out.println(launcherAlive
				? "  Leverans runs from " + state.home() + " (launcher pid " + state.launcher().pid() + ", port offset "
						+ state.portOffset() + ")"
				: "  Leverans is not running, but its launcher (pid " + state.launcher().pid()
						+ ") left state behind; ./leverans down cleans up");
		for (ComponentState component : state.components()) {
			this.out.println("  " + describe(component));
		}
		return launcherAlive;
	}

	private static String describe(ComponentState component) {
		boolean processAlive = component.process().map(ProcessRef::isAlive).orElse(true);
		String pid = component.process().map((process) -> "pid " + process.pid()).orElse("external");
		String health = component.healthUrl().map(PlatformControl::probe).orElse(processAlive ? "running" : "");
		boolean up = processAlive && (health.equals("UP") || health.equals("running"));
		String line = String.format("%s %-21s %-46s %-11s %s", up ? "✔" : "✖", component.name(), component.address(),
				pid, processAlive ? health : "not running");
		return line.stripTrailing();
	}

	private static String probe(String healthUrl) {
		try {
			var response = HttpProbe.get(healthUrl);
			if (response.statusCode() != 200) {
				return "HTTP " + response.statusCode();
			}
			return (!healthUrl.endsWith("/actuator/health") || HttpProbe.isUpBody(response.body())) ? "UP" : "not UP";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "?";
		}
		catch (Exception ex) {
			return "not answering";
		}
	}
}

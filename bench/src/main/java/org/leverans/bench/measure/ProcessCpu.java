package org.leverans.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time a process has used so far, from {@code /proc/<pid>/stat}: its own user and system time plus that of its
 * children that have exited, and, for a server such as PostgreSQL whose work happens in child processes, of the
 * children still running.
 */
public final class ProcessCpu {

	/** USER_HZ: the unit of the times in {@code /proc/<pid>/stat}, 100 on every Linux the project runs on. */
	private static final double TICKS_PER_SECOND = 100.0;

	private ProcessCpu() {
	}

	/** Seconds of CPU per named process, including live descendants; a process that is gone counts 0. */
	public static Map<String, Double> snapshot(Map<String, Long> pids) {
		Map<String, Double> seconds = new LinkedHashMap<>();
		pids.forEach((name, pid) -> seconds.put(name, secondsWithDescendants(pid)));
		return seconds;
	}

	static double secondsWithDescendants(long pid) {
		double total = seconds(pid, true);
		ProcessHandle handle = ProcessHandle.of(pid).orElse(null);
		if (handle != null) {
			for (ProcessHandle child : handle.descendants().toList()) {
				total += seconds(child.pid(), false);
			}
		}
		return total;
	}

	private static double seconds(long pid, boolean withExitedChildren) {
		try {
			return parse(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")), withExitedChildren);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/** Fields 14–17 of stat(5), counted after the command name, which may itself hold spaces. */
	static double parse(String stat, boolean withExitedChildren) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		// fields[0] is field 3 (state), so field n is fields[n - 3]
		long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		if (withExitedChildren) {
			ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
		}
		return ticks / TICKS_PER_SECOND;
	}
}

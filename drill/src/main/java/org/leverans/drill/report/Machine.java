package org.leverans.drill.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The machine a drill ran on, as the report names it, and how busy it was. */
public final class Machine {

	private Machine() {
	}

	/** E.g. {@code 2 vCPU (AMD EPYC 7B13), 23 GiB, Java 25.0.3}. */
	public static String describe() {
		return Runtime.getRuntime().availableProcessors() + " vCPU" + cpuModel().map((m) -> " (" + m + ")").orElse("")
				+ memory().map((m) -> ", " + m).orElse("") + ", Java " + Runtime.version();
	}

	/** The 1-minute load average, from {@code /proc/loadavg}. */
	public static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException | RuntimeException ex) {
			return "?";
		}
	}

	private static java.util.Optional<String> cpuModel() {
		return lines("/proc/cpuinfo").stream()
			.filter((line) -> line.startsWith("model name"))
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.findFirst();
	}

	private static java.util.Optional<String> memory() {
		return lines("/proc/meminfo").stream()
			.filter((line) -> line.startsWith("MemTotal:"))
			.map((line) -> Long.parseLong(line.replaceAll("\\D", "")))
			.map((kib) -> String.format(Locale.ROOT, "%d GiB", Math.round(kib / 1024.0 / 1024.0)))
			.findFirst();
	}

	private static List<String> lines(String file) {
		try {
			return Files.readAllLines(Path.of(file));
		}
		catch (IOException ex) {
			return List.of();
		}
	}
}

package org.leverans.platform.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.leverans.platform.state.PlatformState.ComponentState;

/**
 * {@code <home>/platform.state}: plain {@code key=value} lines, so even a shell can read the launcher pid
 * ({@code sed -n 's/^launcher.pid=//p'}) when the launcher jar is gone.
 */
public final class StateFile {

	public static final String FILE_NAME = "platform.state";

	private static final String SEPARATOR = "|";

	private final Path file;

	public StateFile(Path home) {
		this.file = home.resolve(FILE_NAME);
	}

	public Path path() {
		return this.file;
	}

	/** Replaces the file in one step, so a reader never sees half of it. */
	public synchronized void write(PlatformState state) {
		StringBuilder text = new StringBuilder();
		text.append("# Leverans platform state, read by ./leverans down and ./leverans status. Do not edit.\n");
		text.append("launcher.pid=").append(state.launcher().pid()).append('\n');
		text.append("launcher.started=").append(format(state.launcher().startedAt())).append('\n');
		text.append("home=").append(state.home()).append('\n');
		text.append("port.offset=").append(state.portOffset()).append('\n');
		for (ComponentState component : state.components()) {
			text.append("component=")
				.append(String.join(SEPARATOR, component.name(),
						component.process().map((process) -> String.valueOf(process.pid())).orElse("-"),
						component.process().map((process) -> format(process.startedAt())).orElse("-"),
						component.address(), component.healthUrl().orElse("-")))
				.append('\n');
		}
		try {
			Files.createDirectories(this.file.getParent());
			Path temporary = this.file.resolveSibling(FILE_NAME + ".tmp");
			Files.writeString(temporary, text, StandardCharsets.UTF_8);
			try {
				Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + this.file, ex);
		}
	}

	public Optional<PlatformState> read() {
		if (!Files.isRegularFile(this.file)) {
			return Optional.empty();
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(this.file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + this.file, ex);
		}
		long launcherPid = -1;
		Instant launcherStarted = null;
		Path home = this.file.getParent();
		int offset = 0;
		List<ComponentState> components = new ArrayList<>();
		for (String line : lines) {
			int equals = line.indexOf('=');
			if (line.startsWith("#") || equals < 0) {
				continue;
			}
			String key = line.substring(0, equals);
			String value = line.substring(equals + 1);
			switch (key) {
				case "launcher.pid" -> launcherPid = Long.parseLong(value);
				case "launcher.started" -> launcherStarted = parse(value);
				case "home" -> home = Path.of(value);
				case "port.offset" -> offset = Integer.parseInt(value);
				case "component" -> components.add(component(value));
				default -> {
					// written by a newer launcher; nothing this one needs
				}
			}
		}
		if (launcherPid < 0) {
			return Optional.empty();
		}
		return Optional.of(new PlatformState(new ProcessRef(launcherPid, launcherStarted), home, offset, components));
	}

	public void delete() {
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + this.file, ex);
		}
	}

	private static ComponentState component(String value) {
		String[] parts = value.split("\\" + SEPARATOR, -1);
		if (parts.length < 5) {
			throw new IllegalStateException("Unreadable component line in " + FILE_NAME + ": " + value);
		}
		Optional<ProcessRef> process = "-".equals(parts[1]) ? Optional.empty()
				: Optional.of(new ProcessRef(Long.parseLong(parts[1]), parse(parts[2])));
		Optional<String> health = "-".equals(parts[4]) ? Optional.empty() : Optional.of(parts[4]);
		return new ComponentState(parts[0], process, parts[3], health);
	}

	private static String format(Instant instant) {
		return (instant != null) ? instant.toString() : "-";
	}

	private static Instant parse(String value) {
		return "-".equals(value) ? null : Instant.parse(value);
	}
}

package org.leverans.platform.state;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a running platform has started: the launcher and each component, in start order. Written by the launcher,
 * read by {@code ./leverans down} and {@code ./leverans status} from another terminal.
 */
public record PlatformState(ProcessRef launcher, Path home, int portOffset, List<ComponentState> components) {

	public PlatformState {
		components = List.copyOf(components);
	}

	/** One started component; {@code process} is empty for external ones (Kafka or PostgreSQL given by env). */
	public record ComponentState(String name, Optional<ProcessRef> process, String address,
			Optional<String> healthUrl) {

	}

	public static PlatformState startedBy(ProcessHandle launcher, Path home, int portOffset) {
		return new PlatformState(ProcessRef.of(launcher), home, portOffset, List.of());
	}

	/** This state plus {@code component}, replacing an earlier entry of the same name. */
	public PlatformState with(ComponentState component) {
		List<ComponentState> updated = new ArrayList<>(this.components);
		updated.removeIf((existing) -> existing.name().equals(component.name()));
		updated.add(component);
		return new PlatformState(this.launcher, this.home, this.portOffset, updated);
	}

	public PlatformState without(String componentName) {
		List<ComponentState> updated = new ArrayList<>(this.components);
		updated.removeIf((existing) -> existing.name().equals(componentName));
		return new PlatformState(this.launcher, this.home, this.portOffset, updated);
	}
}

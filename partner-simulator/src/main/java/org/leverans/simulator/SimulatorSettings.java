package org.leverans.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Whether {@code ./leverans up} runs the partner simulator, and how fast.
 *
 * @param enabled run it (on by default; {@code --no-simulator} and the end-to-end tests turn it off)
 * @param speed demo seconds per real second; 60 makes a demo hour pass in a real minute
 * @param pollInterval how often the carriers look at their manifests and report what is due
 * @param profiles carriers playing another {@link CarrierProfile} than their own ({@link DemoCarrier}), by carrier code
 */
public record SimulatorSettings(boolean enabled, double speed, Duration pollInterval,
		Map<String, CarrierProfile> profiles) {

	public static final double DEFAULT_SPEED = 60;

	public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

	public SimulatorSettings {
		if (!(speed > 0)) {
			throw new IllegalArgumentException("The simulator's speed must be positive, was " + speed);
		}
		pollInterval = (pollInterval != null) ? pollInterval : DEFAULT_POLL_INTERVAL;
		profiles = (profiles != null) ? Map.copyOf(profiles) : Map.of();
		for (String carrier : profiles.keySet()) {
			if (!DemoCarrier.codes().contains(carrier)) {
				throw new IllegalArgumentException("The simulator has no carrier '" + carrier + "'; its carriers are "
						+ DemoCarrier.codes());
			}
		}
	}

	public static SimulatorSettings on() {
		return new SimulatorSettings(true, DEFAULT_SPEED, DEFAULT_POLL_INTERVAL, Map.of());
	}

	public static SimulatorSettings off() {
		return new SimulatorSettings(false, DEFAULT_SPEED, DEFAULT_POLL_INTERVAL, Map.of());
	}

	public SimulatorSettings withEnabled(boolean enabled) {
		return new SimulatorSettings(enabled, this.speed, this.pollInterval, this.profiles);
	}

	public SimulatorSettings withSpeed(double speed) {
		return new SimulatorSettings(this.enabled, speed, this.pollInterval, this.profiles);
	}

	public SimulatorSettings withProfiles(Map<String, CarrierProfile> profiles) {
		return new SimulatorSettings(this.enabled, this.speed, this.pollInterval, profiles);
	}

	/** The demo's carriers as they will play. */
	public List<DemoCarrier> carriers() {
		return DemoCarrier.demo(this.profiles);
	}
}

package org.leverans.simulator;

import java.time.Duration;

/**
 * Whether {@code ./leverans up} runs the partner simulator, and how fast.
 *
 * @param enabled run it (on by default; {@code --no-simulator} and the end-to-end tests turn it off)
 * @param speed demo seconds per real second; 60 makes a demo hour pass in a real minute
 * @param pollInterval how often the carriers look at their manifests and report what is due
 */
public record SimulatorSettings(boolean enabled, double speed, Duration pollInterval) {

	public static final double DEFAULT_SPEED = 60;

	public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

	public SimulatorSettings {
		if (!(speed > 0)) {
			throw new IllegalArgumentException("The simulator's speed must be positive, was " + speed);
		}
		pollInterval = (pollInterval != null) ? pollInterval : DEFAULT_POLL_INTERVAL;
	}

	public static SimulatorSettings on() {
		return new SimulatorSettings(true, DEFAULT_SPEED, DEFAULT_POLL_INTERVAL);
	}

	public static SimulatorSettings off() {
		return new SimulatorSettings(false, DEFAULT_SPEED, DEFAULT_POLL_INTERVAL);
	}

	public SimulatorSettings withEnabled(boolean enabled) {
		return new SimulatorSettings(enabled, this.speed, this.pollInterval);
	}

	public SimulatorSettings withSpeed(double speed) {
		return new SimulatorSettings(this.enabled, speed, this.pollInterval);
	}
}

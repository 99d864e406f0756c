package org.leverans.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * Maps a journey's demo clock onto real time: the journey starts at {@code start}, and {@code speed} demo seconds
 * pass per real second (60: one demo hour per real minute). Events are stamped with the real instant their demo
 * moment maps to, so they are never in the future once due, and ETAs live on the same compressed scale, so the
 * delivery window the platform draws from them is consistent with when the goods really arrive.
 */
public record CompressedClock(Instant start, double speed) {

	public CompressedClock {
		if (!(speed > 0)) {
			throw new IllegalArgumentException("The simulator's speed must be positive, was " + speed);
		}
	}

	public Instant realInstantOf(Duration demoOffset) {
		return this.start.plusNanos(Math.round(demoOffset.toNanos() / this.speed));
	}
}

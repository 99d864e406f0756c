package org.leverans.bench.load;

import java.time.Duration;

/**
 * When each request of an open-loop run is due: evenly spaced at the offered rate, whatever the platform answers.
 * Latency is measured from the due time, not from when the request could finally be sent, so a platform that
 * stalls the sender is charged for the wait (no coordinated omission).
 */
public record Schedule(double ratePerSecond, Duration duration) {

	public Schedule {
		if (ratePerSecond <= 0) {
			throw new IllegalArgumentException("The rate must be positive");
		}
	}

	public int requests() {
		return (int) Math.floor(this.ratePerSecond * this.duration.toNanos() / 1e9);
	}

	/** Nanoseconds after the start at which request {@code n} (from 0) is due. */
	public long dueNanos(int n) {
		return Math.round(n * 1e9 / this.ratePerSecond);
	}
}

package org.leverans.drill;

import java.time.Duration;
import java.util.Optional;

/**
 * One component killed with {@code SIGKILL} during the paced load and started again after {@code downtime} (zero:
 * at once, as a supervisor would), or nothing broken at all: the baseline the other faults compare with.
 * @param component the platform's name for it ({@code order-service-2}, {@code kafka}, {@code postgres} …), or
 * empty for the baseline
 */
public record Fault(Optional<String> component, Duration downtime) {

	public static Fault none() {
		return new Fault(Optional.empty(), Duration.ZERO);
	}

	/** Killed and started again at once. */
	public static Fault crash(String component) {
		return new Fault(Optional.of(component), Duration.ZERO);
	}

	/** Killed and left down for {@code downtime} before it is started again. */
	public static Fault outage(String component, Duration downtime) {
		return new Fault(Optional.of(component), downtime);
	}

	public String label() {
		return this.component.map((name) -> this.downtime.isZero() ? name
				: name + ", down " + Durations.of(this.downtime)).orElse("none (baseline)");
	}
}

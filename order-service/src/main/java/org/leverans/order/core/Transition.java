package org.leverans.order.core;

import java.util.List;

import org.leverans.contracts.Reason;

/**
 * What applying an outcome did.
 *
 * @param after the progress to store
 * @param path the statuses the order moved through, in order (empty if it stayed where it was)
 * @param reasons why the order is at its new status (rejection or hold reasons)
 * @param ignored the outcome came too late or twice and changes nothing but the timeline
 */
public record Transition(OrderProgress after, List<OrderStatus> path, List<Reason> reasons, boolean ignored) {

	static Transition ignored(OrderProgress unchanged) {
		return new Transition(unchanged, List.of(), List.of(), true);
	}

	public boolean changedStatus() {
		return !this.path.isEmpty();
	}
}

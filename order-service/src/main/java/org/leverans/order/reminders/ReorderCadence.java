package org.leverans.order.reminders;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How often a customer orders one product for one site, learnt from the days it did: the median number of days
 * between orders, and the median quantity of an order. The median, so that one rush order or one long holiday does
 * not move the cadence. Several orders on one day count as one order of their total.
 *
 * @param lastOrdered the day of the latest order
 * @param everyDays the median days between orders
 * @param quantity the median quantity of an order day
 */
record ReorderCadence(LocalDate lastOrdered, int everyDays, int quantity) {

	/** The cadence of these orders, or empty while there are fewer than {@code minOrders} order days. */
	static Optional<ReorderCadence> of(List<Ordered> orders, int minOrders) {
		Map<LocalDate, Integer> byDay = new TreeMap<>();
		for (Ordered order : orders) {
			byDay.merge(order.day(), order.quantity(), Integer::sum);
		}
		if (byDay.size() < Math.max(2, minOrders)) {
			return Optional.empty();
		}
		List<LocalDate> days = new ArrayList<>(byDay.keySet());
		List<Integer> intervals = new ArrayList<>();
		for (int i = 1; i < days.size(); i++) {
			intervals.add((int) ChronoUnit.DAYS.between(days.get(i - 1), days.get(i)));
		}
		return Optional.of(new ReorderCadence(days.getLast(), median(intervals), median(List.copyOf(byDay.values()))));
	}

	/** The day the next order is due, one cadence after the last. */
	LocalDate dueOn() {
		return this.lastOrdered.plusDays(this.everyDays);
	}

	/**
	 * Whether to suggest the product on {@code today}: from {@code leadDays} before it is due, until a whole further
	 * cadence has passed without an order (by then the customer has stopped ordering it, or orders it elsewhere).
	 */
	boolean suggestOn(LocalDate today, int leadDays) {
		return !today.isBefore(dueOn().minusDays(leadDays)) && today.isBefore(dueOn().plusDays(this.everyDays));
	}

	private static int median(List<Integer> values) {
		List<Integer> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle)
				: (int) Math.round((sorted.get(middle - 1) + sorted.get(middle)) / 2.0);
	}

	/** One order of the product for the site: its day and quantity. */
	record Ordered(LocalDate day, int quantity) {
	}
}

package org.leverans.agreement.agreements;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** What the agreement allows for delivery: split shipments, several sites, package sizes, lead time, time slots. */
public record DeliveryOptions(boolean splitDeliveryAllowed, boolean multipleSitesAllowed, List<String> packageSizes,
		int minLeadTimeDays, List<Slot> slots) {

	/** The earliest date that can be requested for an order placed on {@code orderDate}. */
	public LocalDate earliestDeliveryDate(LocalDate orderDate) {
		return WorkingDays.add(orderDate, this.minLeadTimeDays);
	}

	public record Slot(LocalTime from, LocalTime to) {

		/** Parses {@code 07:00-09:00}. */
		public static Slot parse(String text) {
			String[] parts = text.split("-");
			if (parts.length != 2) {
				throw new IllegalArgumentException("Not a slot: " + text);
			}
			return new Slot(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
		}

		@Override
		public String toString() {
			return this.from + "-" + this.to;
		}
	}
}

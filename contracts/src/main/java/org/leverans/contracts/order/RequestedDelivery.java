package org.leverans.contracts.order;

import java.time.LocalDate;
import java.time.LocalTime;

/** The requested delivery time: a date and a time slot, in the delivery site's local time. */
public record RequestedDelivery(LocalDate date, LocalTime from, LocalTime to) {
}

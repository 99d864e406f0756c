package org.leverans.order.reminders;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reorder suggestions, under {@code leverans.orders.reminders}.
 *
 * @param lead how long before a product's next order is due it is suggested
 * @param history how far back the orders go that a cadence is learnt from
 * @param minOrders the fewest orders of a product for a site (on different days) that make a cadence
 * @param zone the time zone order days are counted in
 */
@ConfigurationProperties("leverans.orders.reminders")
public record ReminderProperties(@DefaultValue("3d") Duration lead, @DefaultValue("365d") Duration history,
		@DefaultValue("3") int minOrders, @DefaultValue("Europe/Helsinki") ZoneId zone) {
}

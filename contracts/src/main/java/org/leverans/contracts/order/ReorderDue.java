package org.leverans.contracts.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;

/**
 * A product one of the customer's sites orders at a steady cadence is due to be ordered again: announced once per
 * cycle (the cycle that began with the order of {@code lastOrdered}), so that people who opted in are reminded. Keyed
 * by the customer id, not an order id: it is about no single order.
 *
 * @param quantity the usual quantity (the median of the site's orders of it)
 * @param everyDays how many days apart it is usually ordered
 */
@EventContract(type = "leverans.order.reorder-due.v1", topic = Topics.ORDER)
public record ReorderDue(UUID customerId, UUID siteId, String siteName, String sku, String name, int quantity,
		String packageSize, int everyDays, LocalDate lastOrdered, LocalDate dueOn, Instant announcedAt) {
}

package org.leverans.order.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order in a history or search list.
 *
 * @param customerName the customer's name, once the order is validated
 */
public record OrderSummary(UUID id, String orderNumber, UUID customerId, String customerName,
		String purchaseOrderNumber, String status,
		Instant placedAt, String placedBy, OrderView.RequestedDeliveryView requestedDelivery,
		OrderView.TotalsView totals, int lineCount, List<UUID> siteIds, List<String> trackingNumbers) {
}

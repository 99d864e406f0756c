package org.leverans.order.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One thing staff did for a customer: who ({@code actor}), what ({@code action}, e.g. {@link #ORDER_PLACED_ON_BEHALF}),
 * for which customer and order, in words ("placed by sara for Rakennus Oy").
 */
public record AuditEntry(Long id, Instant at, String actor, String action, UUID customerId, String customerName,
		UUID orderId, String summary) {

	public static final String ORDER_PLACED_ON_BEHALF = "ORDER_PLACED_ON_BEHALF";

	public static final String CLAIM_DECIDED = "CLAIM_DECIDED";

}

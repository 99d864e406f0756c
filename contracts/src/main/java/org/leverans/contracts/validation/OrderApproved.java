package org.leverans.contracts.validation;

import java.time.Instant;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;

/**
 * An agreement manager approved an order that was above a spending limit. Its {@link OrderValidated} follows at once,
 * on the same topic and key.
 */
@EventContract(type = "leverans.order-validation.approved.v1", topic = Topics.ORDER_VALIDATION)
public record OrderApproved(UUID orderId, String orderNumber, UUID customerId, String approvedBy, String note,
		Instant approvedAt) {
}

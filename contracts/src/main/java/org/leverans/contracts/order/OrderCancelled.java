package org.leverans.contracts.order;

import java.time.Instant;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;

@EventContract(type = "leverans.order.cancelled.v1", topic = Topics.ORDER)
public record OrderCancelled(UUID orderId, String orderNumber, UUID customerId, String cancelledBy, String reason,
		Instant cancelledAt) {
}

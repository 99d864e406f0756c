package org.leverans.contracts.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;

@EventContract(type = "leverans.order.placed.v1", topic = Topics.ORDER)
public record OrderPlaced(UUID orderId, String orderNumber, UUID customerId, String placedBy, Instant placedAt,
		String purchaseOrderNumber, DeliveryMode deliveryMode, RequestedDelivery requestedDelivery,
		List<OrderLine> lines, String note) {
}

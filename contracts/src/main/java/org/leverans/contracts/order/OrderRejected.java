package org.leverans.contracts.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Reason;
import org.leverans.contracts.Topics;

@EventContract(type = "leverans.order.rejected.v1", topic = Topics.ORDER)
public record OrderRejected(UUID orderId, String orderNumber, UUID customerId, List<Reason> reasons,
		Instant rejectedAt) {
}

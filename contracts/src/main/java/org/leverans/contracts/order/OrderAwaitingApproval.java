package org.leverans.contracts.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Reason;
import org.leverans.contracts.Topics;
import org.leverans.contracts.validation.Totals;

/**
 * The order waits for one of the customer's agreement managers ({@code approvers}) to approve it, because it is
 * above a spending limit ({@code reasons}). Not approved by {@code expiresAt}, it is rejected.
 */
@EventContract(type = "leverans.order.awaiting-approval.v1", topic = Topics.ORDER)
public record OrderAwaitingApproval(UUID orderId, String orderNumber, UUID customerId, String placedBy, Totals totals,
		List<Reason> reasons, List<String> approvers, Instant awaitingSince, Instant expiresAt) {
}

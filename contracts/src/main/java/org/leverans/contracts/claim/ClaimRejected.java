package org.leverans.contracts.claim;

import java.time.Instant;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;

/** Customer service rejected a claim, with the reason the customer is told. */
@EventContract(type = "leverans.order.claim-rejected.v1", topic = Topics.ORDER)
public record ClaimRejected(UUID claimId, String claimNumber, UUID orderId, String orderNumber, UUID customerId,
		String reason, String decidedBy, Instant decidedAt) {
}

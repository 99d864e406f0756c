package org.leverans.contracts.claim;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;

/**
 * Customer service accepted a claim. The claimed goods are credited either way; with a replacement they are also
 * sent again, on a new order invoiced as usual, so the customer pays once for goods that arrived right.
 *
 * @param remedy CREDIT or REPLACEMENT
 * @param replacementOrderId the replacement order, for REPLACEMENT
 */
@EventContract(type = "leverans.order.claim-accepted.v1", topic = Topics.ORDER)
public record ClaimAccepted(UUID claimId, String claimNumber, UUID orderId, String orderNumber, UUID customerId,
		UUID shipmentId, String remedy, List<ClaimedLine> lines, UUID replacementOrderId,
		String replacementOrderNumber, String note, String decidedBy, Instant decidedAt) {
}

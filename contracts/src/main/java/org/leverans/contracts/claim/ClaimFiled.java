package org.leverans.contracts.claim;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;

/**
 * A buyer's claim about delivered goods: damaged, short, the wrong item, late, or other.
 *
 * @param shipmentId the shipment the claim is about, when it names one
 * @param carrier the carrier of that shipment, so reports can count the claim against it
 * @param reason DAMAGED, SHORT, WRONG_ITEM, LATE or OTHER
 * @param against CARRIER (damaged, late) or SUPPLIER (short, wrong item, other): who the claim counts against
 */
@EventContract(type = "leverans.order.claim-filed.v1", topic = Topics.ORDER)
public record ClaimFiled(UUID claimId, String claimNumber, UUID orderId, String orderNumber, UUID customerId,
		UUID shipmentId, String carrier, String reason, String against, String description, List<ClaimedLine> lines,
		String filedBy, Instant filedAt) {
}

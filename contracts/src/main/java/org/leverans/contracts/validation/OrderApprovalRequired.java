package org.leverans.contracts.validation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Reason;
import org.leverans.contracts.Topics;

/**
 * The order fits the agreement but is above a spending limit the customer's agreement manager set: it waits for an
 * agreement manager's approval before it is validated (no {@link OrderValidated} until then). Reason codes:
 * ORDER_LIMIT_EXCEEDED, MONTHLY_BUDGET_EXCEEDED.
 *
 * @param approvers the user names of the customer's agreement managers, who may approve it
 * @param expiresAt when it is rejected as APPROVAL_EXPIRED if nobody has answered
 */
@EventContract(type = "leverans.order-validation.approval-required.v1", topic = Topics.ORDER_VALIDATION)
public record OrderApprovalRequired(UUID orderId, String orderNumber, UUID customerId, UUID agreementId,
		String placedBy, Totals totals, List<Reason> reasons, List<String> approvers, Instant requestedAt,
		Instant expiresAt) {
}

package org.leverans.contracts.validation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Reason;
import org.leverans.contracts.Topics;

/**
 * An order waiting for approval will not be validated: an agreement manager rejected it (APPROVAL_REJECTED, the
 * message carries their reason) or nobody answered in time (APPROVAL_EXPIRED, {@code rejectedBy} null).
 */
@EventContract(type = "leverans.order-validation.approval-rejected.v1", topic = Topics.ORDER_VALIDATION)
public record OrderApprovalRejected(UUID orderId, String orderNumber, UUID customerId, String rejectedBy,
		List<Reason> reasons, Instant rejectedAt) {
}

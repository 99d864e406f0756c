package org.leverans.contracts.validation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Reason;
import org.leverans.contracts.Topics;

/**
 * The order does not fit the customer's agreement. Reason codes: SKU_UNKNOWN, SKU_NOT_IN_ASSORTMENT,
 * SITE_NOT_IN_AGREEMENT, SPLIT_NOT_ALLOWED, MULTIPLE_SITES_NOT_ALLOWED, PACKAGE_SIZE_NOT_ALLOWED,
 * LEAD_TIME_TOO_SHORT, AGREEMENT_NOT_ACTIVE, QUANTITY_INVALID.
 */
@EventContract(type = "leverans.order-validation.failed.v1", topic = Topics.ORDER_VALIDATION)
public record OrderValidationFailed(UUID orderId, UUID customerId, List<Reason> reasons, Instant validatedAt) {
}

package org.leverans.contracts.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Reason;
import org.leverans.contracts.Topics;

/** The rules cannot decide; customer service reviews the order (e.g. OVER_LIMIT within tolerance, BUREAU_UNAVAILABLE). */
@EventContract(type = "leverans.credit.review-required.v1", topic = Topics.CREDIT)
public record CreditReviewRequired(UUID orderId, UUID customerId, UUID reviewId, BigDecimal amount, String currency,
		List<Reason> reasons, Instant requestedAt) {
}

package org.leverans.contracts.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Reason;
import org.leverans.contracts.Topics;

/**
 * Credit does not allow the order. Reason codes: OVER_LIMIT, RATING_TOO_LOW, PAYMENT_DEFAULT, ACCOUNT_BLOCKED,
 * LIMIT_EXPIRED.
 */
@EventContract(type = "leverans.credit.declined.v1", topic = Topics.CREDIT)
public record CreditDeclined(UUID orderId, UUID customerId, BigDecimal amount, String currency, List<Reason> reasons,
		String decidedBy, Instant decidedAt) {
}

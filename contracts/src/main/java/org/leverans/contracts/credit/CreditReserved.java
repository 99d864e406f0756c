package org.leverans.contracts.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;

/** The order's total is reserved against the customer's credit; exposure and available credit after it. */
@EventContract(type = "leverans.credit.reserved.v1", topic = Topics.CREDIT)
public record CreditReserved(UUID orderId, UUID customerId, BigDecimal amount, String currency,
		BigDecimal exposure, BigDecimal available, String decidedBy, Instant decidedAt) {
}

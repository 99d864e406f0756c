package org.leverans.contracts.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;

/** A reservation is released (order cancelled, rejected or invoiced); exposure after it. */
@EventContract(type = "leverans.credit.released.v1", topic = Topics.CREDIT)
public record CreditReleased(UUID orderId, UUID customerId, BigDecimal amount, String currency, String reason,
		BigDecimal exposure, Instant releasedAt) {
}

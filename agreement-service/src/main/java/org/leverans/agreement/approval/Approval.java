package org.leverans.agreement.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.Reason;
import org.leverans.contracts.validation.OrderValidated;

/**
 * An order above a spending limit and what became of it.
 *
 * @param validated the order as validation priced it; published once approved
 * @param month the month of the order date, which its spend counts in
 */
public record Approval(UUID orderId, String orderNumber, UUID customerId, UUID agreementId, String placedBy,
		Instant placedAt, YearMonth month, BigDecimal total, String currency, List<Reason> reasons,
		OrderValidated validated, Status status, Instant requestedAt, Instant expiresAt, String decidedBy,
		Instant decidedAt, String note) {

	public enum Status {

		PENDING, APPROVED, REJECTED, EXPIRED,

		/** The order was cancelled while it waited. */
		WITHDRAWN
	}
}

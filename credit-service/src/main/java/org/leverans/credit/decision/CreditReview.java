package org.leverans.credit.decision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.Reason;

/**
 * An order held for a person to decide on; {@code status} is OPEN until someone (or a cancellation) closes it.
 *
 * @param orderNumber the order's number (LV-000123) from OrderValidated; {@code null} for reviews opened before
 * the event carried it
 */
public record CreditReview(UUID id, UUID orderId, String orderNumber, UUID customerId, BigDecimal amount, String currency,
		List<Reason> reasons, Status status, Instant requestedAt, String closedBy, Instant closedAt) {

	public enum Status {

		OPEN, APPROVED, DECLINED, WITHDRAWN

	}

	/** One decision taken on a review: who, when, why, and what came of it. */
	public record Action(String decision, String reason, String outcome, String decidedBy, Instant decidedAt) {
	}
}

package org.leverans.order.core;

import java.time.Instant;
import java.util.List;

import org.leverans.contracts.Reason;
import org.leverans.contracts.validation.Totals;

/**
 * What the order's people see of its approval: why it was needed, who may give it and until when, and who decided
 * when.
 *
 * @param status PENDING, APPROVED, REJECTED or EXPIRED
 * @param totals the order's totals as priced when it was placed
 */
public record OrderApproval(String status, List<Reason> reasons, List<String> approvers, Totals totals,
		Instant requestedAt, Instant expiresAt, String decidedBy, Instant decidedAt, String note) {

	public OrderApproval decided(String status, String decidedBy, Instant decidedAt, String note) {
		return new OrderApproval(status, this.reasons, this.approvers, this.totals, this.requestedAt, this.expiresAt,
				decidedBy, decidedAt, note);
	}
}

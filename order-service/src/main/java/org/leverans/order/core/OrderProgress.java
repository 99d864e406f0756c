package org.leverans.order.core;

import java.util.ArrayList;
import java.util.List;

import org.leverans.contracts.Reason;
import org.leverans.order.core.Outcome.Kind;

/**
 * The order's status with the validation, approval and credit decisions recorded so far. Validation and approval
 * come on one topic, in order; credit on another, so it may arrive first: each is recorded, and the status moves
 * once what it needs is there (validated and credit reserved → ACCEPTED). An order above a spending limit waits as
 * AWAITING_APPROVAL until an agreement manager approves it (its validation follows the approval) or rejects it. A
 * decision arriving after the order has moved past the point where it matters is recorded in the timeline only.
 */
public record OrderProgress(OrderStatus status, Outcome validation, Outcome credit, Outcome approval) {

	/** An order no spending limit ever held up. */
	public OrderProgress(OrderStatus status, Outcome validation, Outcome credit) {
		this(status, validation, credit, null);
	}

	public static OrderProgress placed() {
		return new OrderProgress(OrderStatus.PLACED, null, null, null);
	}

	public Transition apply(Outcome outcome) {
		if (!accepts(outcome)) {
			return Transition.ignored(this);
		}
		OrderProgress recorded = switch (outcome.stage()) {
			case VALIDATION -> new OrderProgress(this.status, outcome, this.credit, this.approval);
			case APPROVAL -> new OrderProgress(this.status, this.validation, this.credit, outcome);
			case CREDIT -> new OrderProgress(this.status, this.validation, outcome, this.approval);
		};
		Resolution resolution = recorded.resolve();
		List<OrderStatus> path = new ArrayList<>();
		if (resolution.status() != this.status) {
			// Passing through VALIDATED is part of the history even when credit was already known.
			if (beforeValidation(this.status) && recorded.validation() != null
					&& recorded.validation().kind() == Kind.VALIDATED && resolution.status() != OrderStatus.VALIDATED) {
				path.add(OrderStatus.VALIDATED);
			}
			path.add(resolution.status());
		}
		return new Transition(new OrderProgress(resolution.status(), recorded.validation(), recorded.credit(),
				recorded.approval()), path, resolution.reasons(), false);
	}

	private boolean accepts(Outcome outcome) {
		return switch (outcome.stage()) {
			// One validation per order; a second one (or one after a cancellation) changes nothing.
			case VALIDATION -> beforeValidation(this.status) && this.validation == null;
			// The need for approval comes before validation; the answer only while the order waits for it.
			case APPROVAL -> (outcome.kind() == Kind.APPROVAL_REQUIRED)
					? this.status == OrderStatus.PLACED && this.approval == null && this.validation == null
					: this.status == OrderStatus.AWAITING_APPROVAL && this.approval != null
							&& this.approval.kind() == Kind.APPROVAL_REQUIRED;
			case CREDIT -> beforeValidation(this.status) || this.status == OrderStatus.VALIDATED
					|| this.status == OrderStatus.ON_HOLD;
		};
	}

	private static boolean beforeValidation(OrderStatus status) {
		return status == OrderStatus.PLACED || status == OrderStatus.AWAITING_APPROVAL;
	}

	private Resolution resolve() {
		if (this.approval != null && this.approval.kind() == Kind.APPROVAL_REJECTED) {
			return new Resolution(OrderStatus.REJECTED, this.approval.reasons());
		}
		if (this.validation == null) {
			// Approved, the order still waits for the validation that follows the approval.
			return (this.approval != null) ? new Resolution(OrderStatus.AWAITING_APPROVAL, approvalReasons())
					: new Resolution(OrderStatus.PLACED, List.of());
		}
		if (this.validation.kind() == Kind.VALIDATION_FAILED) {
			return new Resolution(OrderStatus.REJECTED, this.validation.reasons());
		}
		if (this.credit == null) {
			return new Resolution(OrderStatus.VALIDATED, List.of());
		}
		return switch (this.credit.kind()) {
			case CREDIT_RESERVED -> new Resolution(OrderStatus.ACCEPTED, List.of());
			case CREDIT_DECLINED -> new Resolution(OrderStatus.REJECTED, this.credit.reasons());
			case CREDIT_REVIEW_REQUIRED -> new Resolution(OrderStatus.ON_HOLD, this.credit.reasons());
			default -> throw new IllegalStateException("Not a credit outcome: " + this.credit.kind());
		};
	}

	private List<Reason> approvalReasons() {
		return (this.approval.kind() == Kind.APPROVAL_REQUIRED) ? this.approval.reasons() : List.of();
	}

	private record Resolution(OrderStatus status, List<Reason> reasons) {
	}
}

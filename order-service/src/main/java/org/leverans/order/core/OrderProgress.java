package org.leverans.order.core;

import java.util.ArrayList;
import java.util.List;

import org.leverans.contracts.Reason;
import org.leverans.order.core.Outcome.Kind;

/**
 * The order's status with the validation and credit decisions recorded so far. The two decisions come on
 * different topics, so either may arrive first: each is recorded, and the status moves once what it needs is
 * there (validated and credit reserved → ACCEPTED). A decision arriving after the order has moved past the point
 * where it matters is recorded in the timeline only.
 */
public record OrderProgress(OrderStatus status, Outcome validation, Outcome credit) {

	public static OrderProgress placed() {
		return new OrderProgress(OrderStatus.PLACED, null, null);
	}

	public Transition apply(Outcome outcome) {
		if (!accepts(outcome)) {
			return Transition.ignored(this);
		}
		OrderProgress recorded = outcome.isValidation() ? new OrderProgress(this.status, outcome, this.credit)
				: new OrderProgress(this.status, this.validation, outcome);
		Resolution resolution = recorded.resolve();
		List<OrderStatus> path = new ArrayList<>();
		if (resolution.status() != this.status) {
			// Passing through VALIDATED is part of the history even when credit was already known.
			if (this.status == OrderStatus.PLACED && recorded.validation().kind() == Kind.VALIDATED
					&& resolution.status() != OrderStatus.VALIDATED) {
				path.add(OrderStatus.VALIDATED);
			}
			path.add(resolution.status());
		}
		return new Transition(new OrderProgress(resolution.status(), recorded.validation(), recorded.credit()), path,
				resolution.reasons(), false);
	}

	private boolean accepts(Outcome outcome) {
		if (outcome.isValidation()) {
			// One validation per order; a second one (or one after a cancellation) changes nothing.
			return this.status == OrderStatus.PLACED && this.validation == null;
		}
		return this.status == OrderStatus.PLACED || this.status == OrderStatus.VALIDATED
				|| this.status == OrderStatus.ON_HOLD;
	}

	private Resolution resolve() {
		if (this.validation == null) {
			return new Resolution(OrderStatus.PLACED, List.of());
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

	private record Resolution(OrderStatus status, List<Reason> reasons) {
	}
}

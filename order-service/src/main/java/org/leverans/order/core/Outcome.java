package org.leverans.order.core;

import java.util.List;

import org.leverans.contracts.Reason;

/**
 * One decision about an order: agreement-service's validation and approval, or credit-service's credit decision.
 */
public record Outcome(Kind kind, List<Reason> reasons) {

	public Outcome {
		reasons = (reasons != null) ? List.copyOf(reasons) : List.of();
	}

	public static Outcome of(Kind kind) {
		return new Outcome(kind, List.of());
	}

	public static Outcome of(Kind kind, List<Reason> reasons) {
		return new Outcome(kind, reasons);
	}

	public boolean isValidation() {
		return this.kind.stage == Stage.VALIDATION;
	}

	public Stage stage() {
		return this.kind.stage;
	}

	/** Which of the order's independent decisions an outcome belongs to. */
	public enum Stage {
		VALIDATION, APPROVAL, CREDIT
	}

	public enum Kind {

		VALIDATED(Stage.VALIDATION), VALIDATION_FAILED(Stage.VALIDATION), APPROVAL_REQUIRED(Stage.APPROVAL),
		APPROVED(Stage.APPROVAL), APPROVAL_REJECTED(Stage.APPROVAL), CREDIT_RESERVED(Stage.CREDIT),
		CREDIT_DECLINED(Stage.CREDIT), CREDIT_REVIEW_REQUIRED(Stage.CREDIT);

		private final Stage stage;

		Kind(Stage stage) {
			this.stage = stage;
		}
	}
}

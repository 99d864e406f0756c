package org.leverans.order.core;

import java.util.List;

import org.leverans.contracts.Reason;

/** One decision about an order, from agreement-service (validation) or credit-service (credit). */
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
		return this.kind.validation;
	}

	public enum Kind {

		VALIDATED(true), VALIDATION_FAILED(true), CREDIT_RESERVED(false), CREDIT_DECLINED(false),
		CREDIT_REVIEW_REQUIRED(false);

		private final boolean validation;

		Kind(boolean validation) {
			this.validation = validation;
		}
	}
}

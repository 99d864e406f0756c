package org.leverans.agreement.approval;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What one orderer or one delivery site may spend under an agreement without an agreement manager's approval: each
 * order at most {@code orderLimit}, and, when set, at most {@code monthlyBudget} in a calendar month, both in the
 * agreement's {@code currency}.
 */
public record SpendingLimit(Budgeted who, BigDecimal orderLimit, BigDecimal monthlyBudget, String currency,
		String updatedBy, Instant updatedAt) {

	public boolean hasBudget() {
		return this.monthlyBudget != null;
	}

	/** Whom a limit is for: an orderer by user name, or a delivery site by its id. */
	public record Budgeted(Scope scope, String subject) implements Comparable<Budgeted> {

		public static Budgeted orderer(String username) {
			return new Budgeted(Scope.ORDERER, username);
		}

		public static Budgeted site(Object siteId) {
			return new Budgeted(Scope.SITE, siteId.toString());
		}

		/**
		 * Limits are locked in this order, so two orders locking the same ones never wait for each other in a
		 * circle.
		 */
		@Override
		public int compareTo(Budgeted other) {
			int byScope = this.scope.compareTo(other.scope);
			return (byScope != 0) ? byScope : this.subject.compareTo(other.subject);
		}
	}

	public enum Scope {
		ORDERER, SITE
	}
}

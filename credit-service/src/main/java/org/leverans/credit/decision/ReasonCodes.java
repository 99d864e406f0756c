package org.leverans.credit.decision;

/** Reason codes of credit decisions, as they appear in CreditDeclined and CreditReviewRequired. */
public final class ReasonCodes {

	public static final String OVER_LIMIT = "OVER_LIMIT";

	public static final String RATING_TOO_LOW = "RATING_TOO_LOW";

	public static final String PAYMENT_DEFAULT = "PAYMENT_DEFAULT";

	public static final String ACCOUNT_BLOCKED = "ACCOUNT_BLOCKED";

	public static final String LIMIT_EXPIRED = "LIMIT_EXPIRED";

	public static final String BUREAU_UNAVAILABLE = "BUREAU_UNAVAILABLE";

	/** The bureau does not know the company (its 404). */
	public static final String RATING_UNKNOWN = "RATING_UNKNOWN";

	/** The order is priced in another currency than the credit account; limits cannot be compared. */
	public static final String CURRENCY_MISMATCH = "CURRENCY_MISMATCH";

	/** The customer has an invoice unpaid longer after its due date than the configured hold threshold. */
	public static final String OVERDUE_INVOICES = "OVERDUE_INVOICES";

	/** A person declined the order in a credit review; the message is their reason. */
	public static final String REJECTED_IN_REVIEW = "REJECTED_IN_REVIEW";

	private ReasonCodes() {
	}
}

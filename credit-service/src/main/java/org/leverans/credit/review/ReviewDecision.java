package org.leverans.credit.review;

/** What a person decides about a held order. */
public enum ReviewDecision {

	/** Reserve the credit anyway and let the order through. */
	RELEASE,

	/** Decline the order's credit, with the person's reason. */
	REJECT,

	/** Run the rules again, with a fresh bureau answer. */
	RECHECK

}

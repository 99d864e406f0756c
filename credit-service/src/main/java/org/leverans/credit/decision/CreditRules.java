package org.leverans.credit.decision;

import java.math.BigDecimal;
import java.time.Period;
import java.util.Set;

/**
 * The rules one customer's orders are assessed by.
 *
 * @param tolerancePercent an order taking exposure over the limit by at most this share of the limit is held for
 * review; further over it is declined
 * @param approvedRatings bureau ratings that need no review
 * @param reviewRatings borderline ratings: held for review; any other rating is declined
 * @param paymentDefaults what an unsettled payment default registered within {@code paymentDefaultLookback} (or of
 * unknown date) leads to; older unsettled defaults are held for review, settled ones are ignored
 * @param paymentDefaultLookback how far back an unsettled payment default counts in full
 * @param unknownCompany what it leads to when the bureau does not know the company
 */
public record CreditRules(BigDecimal tolerancePercent, Set<String> approvedRatings, Set<String> reviewRatings,
		Consequence paymentDefaults, Period paymentDefaultLookback, Consequence unknownCompany) {

	public CreditRules {
		approvedRatings = Set.copyOf(approvedRatings);
		reviewRatings = Set.copyOf(reviewRatings);
	}

	/** What a finding leads to. */
	public enum Consequence {

		DECLINE, REVIEW

	}
}

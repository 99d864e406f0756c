package org.leverans.credit.decision;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.leverans.credit.account.CreditAccount;
import org.leverans.credit.bureau.BureauRating;

/**
 * Everything one credit decision looks at.
 *
 * @param exposure the account's open reservations, without this order
 * @param amount the order's total, in {@code currency}
 * @param overdueSince the due date of the customer's oldest invoice unpaid past the hold threshold, or {@code null}
 */
public record CreditCheck(CreditAccount account, BigDecimal exposure, BigDecimal amount, String currency,
		BureauRating rating, LocalDate today, LocalDate overdueSince) {

	public CreditCheck(CreditAccount account, BigDecimal exposure, BigDecimal amount, String currency,
			BureauRating rating, LocalDate today) {
		this(account, exposure, amount, currency, rating, today, null);
	}
}

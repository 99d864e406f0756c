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
 */
public record CreditCheck(CreditAccount account, BigDecimal exposure, BigDecimal amount, String currency,
		BureauRating rating, LocalDate today) {
}

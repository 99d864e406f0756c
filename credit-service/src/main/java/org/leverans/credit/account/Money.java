package org.leverans.credit.account;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts are kept with two decimals, rounded half-even, and travel in HTTP answers as strings ("336.00"). */
public final class Money {

	private Money() {
	}

	public static BigDecimal of(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_EVEN);
	}

	public static String format(BigDecimal amount) {
		return (amount != null) ? of(amount).toPlainString() : null;
	}
}

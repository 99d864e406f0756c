package org.leverans.agreement.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts are kept to the cent and rounded half-even (banker's rounding) wherever a rounding happens. */
public final class Money {

	public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private Money() {
	}

	public static BigDecimal cents(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_EVEN);
	}

	/** The JSON form: a string, so no client parses money as a binary float. */
	public static String text(BigDecimal amount) {
		return (amount != null) ? cents(amount).toPlainString() : null;
	}
}

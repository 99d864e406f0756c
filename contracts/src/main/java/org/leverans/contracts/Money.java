package org.leverans.contracts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts are kept to the cent and rounded half-even (banker's rounding) wherever a rounding happens, and travel
 * in JSON as strings ("336.00"), so that no client rounds them through a binary float.
 */
public final class Money {

	public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private Money() {
	}

	public static BigDecimal cents(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_EVEN);
	}

	/** The JSON form; {@code null} stays {@code null}. */
	public static String text(BigDecimal amount) {
		return (amount != null) ? cents(amount).toPlainString() : null;
	}
}

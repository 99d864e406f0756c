package org.leverans.order.history;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts travel in HTTP as strings with two decimals ("336.00"), so no client rounds them through a double. */
final class Money {

	private Money() {
	}

	static String format(BigDecimal amount) {
		return (amount != null) ? amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString() : null;
	}
}

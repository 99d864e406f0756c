package org.leverans.agreement.catalog;

import java.math.BigDecimal;

/** Weights are kilograms to the gram. */
public final class Weight {

	private Weight() {
	}

	/** The JSON form: a string like money, without trailing zeros ({@code "25"}, {@code "0.25"}). */
	public static String text(BigDecimal kg) {
		return (kg != null) ? kg.stripTrailingZeros().toPlainString() : null;
	}
}

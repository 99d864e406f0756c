package org.leverans.agreement.agreements;

import java.math.BigDecimal;

import org.leverans.agreement.catalog.Money;

/**
 * Who pays for freight, and how much. {@code FREE_OVER}: free when the goods reach the threshold, otherwise the fee;
 * {@code FLAT}: always the fee; {@code COLLECT}: the customer pays the carrier directly, so nothing is charged here.
 */
public record FreightTerms(Code code, BigDecimal threshold, BigDecimal fee) {

	public enum Code {
		FREE_OVER, FLAT, COLLECT
	}

	public FreightTerms {
		if (code == Code.FREE_OVER && (threshold == null || fee == null)) {
			throw new IllegalArgumentException("FREE_OVER needs a threshold and a fee");
		}
		if (code == Code.FLAT && fee == null) {
			throw new IllegalArgumentException("FLAT needs a fee");
		}
	}

	/** Freight for an order with these goods; "over" includes an order exactly at the threshold. */
	public BigDecimal freightFor(BigDecimal goods) {
		return switch (this.code) {
			case FREE_OVER -> (goods.compareTo(this.threshold) >= 0) ? Money.ZERO : Money.cents(this.fee);
			case FLAT -> Money.cents(this.fee);
			case COLLECT -> Money.ZERO;
		};
	}
}

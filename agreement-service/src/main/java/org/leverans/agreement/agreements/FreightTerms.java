package org.leverans.agreement.agreements;

import java.math.BigDecimal;

import org.leverans.contracts.Money;


/**
 * Who pays for freight, and how much. The charge below a threshold (or always, without one) is either a flat
 * {@code fee} or a {@code ratePerKg} on the order's weight, never both:
 * <ul>
 * <li>{@code FREE_OVER}: free when the goods reach the threshold, otherwise the fee or the weight-based charge;</li>
 * <li>{@code FLAT}: always the fee;</li>
 * <li>{@code WEIGHT}: always the rate per kg times the order's weight;</li>
 * <li>{@code COLLECT}: the customer pays the carrier directly, so nothing is charged here.</li>
 * </ul>
 * A weight-based charge is rounded half-even to the cent and is at least {@code minimumFee} when one is set: a
 * truck leaves the yard even for one bag.
 */
public record FreightTerms(Code code, BigDecimal threshold, BigDecimal fee, BigDecimal ratePerKg,
		BigDecimal minimumFee) {

	public enum Code {
		FREE_OVER, FLAT, WEIGHT, COLLECT
	}

	public FreightTerms {
		if (fee != null && ratePerKg != null) {
			throw new IllegalArgumentException("Freight is a flat fee or a rate per kg, not both");
		}
		if (minimumFee != null && ratePerKg == null) {
			throw new IllegalArgumentException("A minimum fee applies only to a rate per kg");
		}
		switch (code) {
			case FREE_OVER -> {
				if (threshold == null || (fee == null && ratePerKg == null)) {
					throw new IllegalArgumentException("FREE_OVER needs a threshold and a fee or a rate per kg");
				}
			}
			case FLAT -> {
				if (fee == null) {
					throw new IllegalArgumentException("FLAT needs a fee");
				}
			}
			case WEIGHT -> {
				if (ratePerKg == null) {
					throw new IllegalArgumentException("WEIGHT needs a rate per kg");
				}
			}
			case COLLECT -> {
			}
		}
	}

	public static FreightTerms freeOver(BigDecimal threshold, BigDecimal fee) {
		return new FreightTerms(Code.FREE_OVER, threshold, fee, null, null);
	}

	public static FreightTerms freeOverByWeight(BigDecimal threshold, BigDecimal ratePerKg, BigDecimal minimumFee) {
		return new FreightTerms(Code.FREE_OVER, threshold, null, ratePerKg, minimumFee);
	}

	public static FreightTerms flat(BigDecimal fee) {
		return new FreightTerms(Code.FLAT, null, fee, null, null);
	}

	public static FreightTerms byWeight(BigDecimal ratePerKg, BigDecimal minimumFee) {
		return new FreightTerms(Code.WEIGHT, null, null, ratePerKg, minimumFee);
	}

	public static FreightTerms collect() {
		return new FreightTerms(Code.COLLECT, null, null, null, null);
	}

	/**
	 * Freight for an order with these goods weighing {@code weightKg} in total; "over" includes an order exactly
	 * at the threshold.
	 */
	public BigDecimal freightFor(BigDecimal goods, BigDecimal weightKg) {
		return switch (this.code) {
			case FREE_OVER -> (goods.compareTo(this.threshold) >= 0) ? Money.ZERO : charge(weightKg);
			case FLAT, WEIGHT -> charge(weightKg);
			case COLLECT -> Money.ZERO;
		};
	}

	private BigDecimal charge(BigDecimal weightKg) {
		if (this.fee != null) {
			return Money.cents(this.fee);
		}
		BigDecimal byWeight = Money.cents(this.ratePerKg.multiply(weightKg));
		return (this.minimumFee != null) ? byWeight.max(Money.cents(this.minimumFee)) : byWeight;
	}
}

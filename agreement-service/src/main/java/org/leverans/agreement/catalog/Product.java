package org.leverans.agreement.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A catalogue product. {@code availableInDays} is how long until it can be delivered (0 = in stock), kept relative
 * so that availability follows the calendar. {@code weightKg} is the weight of one unit, which weight-based freight
 * charges for.
 */
public record Product(String sku, String name, String group, String unit, BigDecimal listPriceEur,
		List<String> packageSizes, int availableInDays, BigDecimal weightKg) {

	/** The weight of {@code quantity} units. */
	public BigDecimal weightOf(int quantity) {
		return this.weightKg.multiply(BigDecimal.valueOf(quantity));
	}

	public LocalDate availableFrom(LocalDate today) {
		return today.plusDays(this.availableInDays);
	}
}

package org.leverans.agreement.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A catalogue product. {@code availableInDays} is how long until it can be delivered (0 = in stock), kept relative
 * so that availability follows the calendar.
 */
public record Product(String sku, String name, String group, String unit, BigDecimal listPriceEur,
		List<String> packageSizes, int availableInDays) {

	public LocalDate availableFrom(LocalDate today) {
		return today.plusDays(this.availableInDays);
	}
}

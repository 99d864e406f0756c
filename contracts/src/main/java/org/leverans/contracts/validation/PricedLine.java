package org.leverans.contracts.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An order line priced under the agreement in force when the order was placed. {@code availableFrom} is the
 * first date the product can be delivered, used to plan split deliveries.
 */
public record PricedLine(int lineNo, String sku, String name, String productGroup, String unit, int quantity,
		String packageSize, UUID siteId, BigDecimal listPrice, BigDecimal unitPrice, BigDecimal lineTotal,
		LocalDate availableFrom) {
}

package org.leverans.order.core;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An order line; name and prices are {@code null} until the order is validated. */
public record StoredLine(int lineNo, String sku, int quantity, String packageSize, UUID siteId, String name,
		String productGroup, String unit, BigDecimal listPrice, BigDecimal unitPrice, BigDecimal lineTotal,
		LocalDate availableFrom) {
}

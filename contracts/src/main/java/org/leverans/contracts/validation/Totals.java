package org.leverans.contracts.validation;

import java.math.BigDecimal;

/** Order totals in the agreement's currency; {@code total} is goods plus freight. */
public record Totals(BigDecimal goods, BigDecimal freight, BigDecimal total, String currency) {
}

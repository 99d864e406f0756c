package org.leverans.billing.invoicing;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.leverans.contracts.Money;

/**
 * The VAT of a document, per rate: the tax of each rate is computed once on the sum of its lines, as EN 16931
 * (and so Peppol BIS Billing 3.0) requires, rather than summed from rounded line taxes.
 */
public record VatBreakdown(BigDecimal rate, BigDecimal taxable, BigDecimal tax) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public static List<VatBreakdown> of(Collection<InvoiceLine> lines) {
		Map<BigDecimal, BigDecimal> taxableByRate = new TreeMap<>();
		for (InvoiceLine line : lines) {
			taxableByRate.merge(line.vatRate().stripTrailingZeros(), line.net(), BigDecimal::add);
		}
		return taxableByRate.entrySet()
			.stream()
			.map(rate -> new VatBreakdown(rate.getKey(), Money.cents(rate.getValue()),
					Money.cents(rate.getValue().multiply(rate.getKey()).divide(HUNDRED))))
			.toList();
	}

	public static BigDecimal totalTax(List<VatBreakdown> breakdown) {
		return breakdown.stream().map(VatBreakdown::tax).reduce(Money.ZERO, BigDecimal::add);
	}
}

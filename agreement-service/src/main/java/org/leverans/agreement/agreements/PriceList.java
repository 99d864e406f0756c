package org.leverans.agreement.agreements;

import java.math.BigDecimal;
import java.util.Map;

import org.leverans.agreement.catalog.Catalogue;
import org.leverans.agreement.catalog.Product;
import org.leverans.contracts.Money;

/**
 * The customer's prices. Catalogue list prices are in EUR; {@code listPriceRate} converts them into the agreement's
 * currency (1 for EUR). Precedence: a contract price for the SKU, else the list price less the product group's
 * discount, else the list price.
 *
 * @param contractPrices by upper-case SKU, in the agreement's currency
 * @param groupDiscounts percent off the list price, by product group
 */
public record PriceList(BigDecimal listPriceRate, Map<String, BigDecimal> contractPrices,
		Map<String, BigDecimal> groupDiscounts) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public BigDecimal listPrice(Product product) {
		return Money.cents(product.listPriceEur().multiply(this.listPriceRate));
	}

	public BigDecimal unitPrice(Product product) {
		BigDecimal contract = this.contractPrices.get(Catalogue.key(product.sku()));
		if (contract != null) {
			return Money.cents(contract);
		}
		BigDecimal discount = this.groupDiscounts.get(product.group());
		if (discount != null) {
			BigDecimal share = HUNDRED.subtract(discount).divide(HUNDRED);
			return Money.cents(listPrice(product).multiply(share));
		}
		return listPrice(product);
	}

	/** Unit price times quantity, rounded to the cent. */
	public BigDecimal lineTotal(Product product, int quantity) {
		return Money.cents(unitPrice(product).multiply(BigDecimal.valueOf(quantity)));
	}
}

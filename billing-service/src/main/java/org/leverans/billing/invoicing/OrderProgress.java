package org.leverans.billing.invoicing;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.leverans.contracts.Money;

/**
 * How much of an order has been invoiced so far: per order line the quantity, and the goods, freight and
 * shipments in all. The next shipment's charge is counted from it, so that the invoices of an order add up to its
 * accepted totals to the cent, whatever the rounding of each.
 */
public record OrderProgress(Map<Integer, Integer> quantities, BigDecimal goods, BigDecimal freight,
		int shipmentsInvoiced) {

	public OrderProgress {
		quantities = Map.copyOf(quantities);
		goods = Money.cents(goods);
		freight = Money.cents(freight);
	}

	public static OrderProgress none() {
		return new OrderProgress(Map.of(), Money.ZERO, Money.ZERO, 0);
	}

	public int quantity(int orderLineNo) {
		return this.quantities.getOrDefault(orderLineNo, 0);
	}

	OrderProgress plus(Map<Integer, Integer> shipped, BigDecimal goods, BigDecimal freight) {
		Map<Integer, Integer> quantities = new HashMap<>(this.quantities);
		shipped.forEach((line, quantity) -> quantities.merge(line, quantity, Integer::sum));
		return new OrderProgress(quantities, this.goods.add(goods), this.freight.add(freight),
				this.shipmentsInvoiced + 1);
	}
}

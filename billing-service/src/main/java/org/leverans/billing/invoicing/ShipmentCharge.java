package org.leverans.billing.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.leverans.contracts.Money;
import org.leverans.contracts.order.OrderAccepted;
import org.leverans.contracts.shipment.ShipmentLine;
import org.leverans.contracts.validation.PricedLine;

/**
 * What one delivered shipment of an order charges: its goods at the order's agreed prices, and its share of the
 * order's freight, split across the order's shipments by the value of their goods. Each amount is counted as
 * "the order's cumulative amount after this shipment less what was invoiced before it", so an order's invoices add
 * up to its accepted totals to the cent, and the last shipment takes whatever rounding is left.
 *
 * @param lines the lines, not yet numbered
 * @param net goods and freight of this shipment
 * @param after the order's progress once this shipment is invoiced
 * @param complete whether this is the order's last shipment to invoice
 */
public record ShipmentCharge(List<InvoiceLine> lines, BigDecimal net, OrderProgress after, boolean complete) {

	/**
	 * @param order the order as accepted
	 * @param placedBy who placed it, so orderers find the invoices of their own orders
	 * @param shipmentId the delivered shipment
	 * @param siteId where it was delivered
	 * @param shipped what travelled in it
	 * @param shipmentsInOrder how many shipments the order's plan has
	 * @param before what of the order was invoiced before this shipment
	 * @param vatRates the VAT rate of a product group ({@code null}: freight) in the customer's country
	 */
	public static ShipmentCharge of(OrderAccepted order, String placedBy, UUID shipmentId, UUID siteId,
			List<ShipmentLine> shipped, int shipmentsInOrder, OrderProgress before, VatRateLookup vatRates) {
		boolean last = before.shipmentsInvoiced() + 1 >= Math.max(1, shipmentsInOrder);
		Map<Integer, PricedLine> priced = new LinkedHashMap<>();
		for (PricedLine line : order.lines()) {
			priced.put(line.lineNo(), line);
		}
		List<InvoiceLine> lines = new ArrayList<>();
		Map<Integer, Integer> quantities = new LinkedHashMap<>();
		BigDecimal goods = Money.ZERO;
		for (ShipmentLine item : shipped) {
			PricedLine line = priced.get(item.lineNo());
			if (line == null || item.quantity() <= 0) {
				continue;
			}
			int previously = before.quantity(line.lineNo());
			int quantity = Math.min(item.quantity(), Math.max(0, line.quantity() - previously));
			if (quantity == 0) {
				continue;
			}
			BigDecimal net = Money.cents(share(line.lineTotal(), previously + quantity, line.quantity()))
				.subtract(Money.cents(share(line.lineTotal(), previously, line.quantity())));
			quantities.put(line.lineNo(), quantity);
			goods = goods.add(net);
			lines.add(new InvoiceLine(0, InvoiceLine.Kind.GOODS, order.orderId(), order.orderNumber(), line.lineNo(),
					shipmentId, siteId, order.purchaseOrderNumber(), placedBy, line.sku(), line.name(),
					line.productGroup(), line.unit(), quantity, Money.cents(line.unitPrice()), net,
					vatRates.rate(line.productGroup())));
		}
		BigDecimal freight = freight(order, before, goods, shipmentsInOrder, last);
		if (freight.signum() != 0) {
			lines.add(new InvoiceLine(0, InvoiceLine.Kind.FREIGHT, order.orderId(), order.orderNumber(), null,
					shipmentId, siteId, order.purchaseOrderNumber(), placedBy, null, "Freight", null, null, 1,
					freight, freight, vatRates.rate(null)));
		}
		return new ShipmentCharge(lines, Money.cents(goods.add(freight)), before.plus(quantities, goods, freight),
				last);
	}

	private static BigDecimal freight(OrderAccepted order, OrderProgress before, BigDecimal goods,
			int shipmentsInOrder, boolean last) {
		BigDecimal total = (order.totals().freight() != null) ? Money.cents(order.totals().freight()) : Money.ZERO;
		if (total.signum() == 0) {
			return Money.ZERO;
		}
		if (last) {
			return total.subtract(before.freight());
		}
		BigDecimal orderGoods = (order.totals().goods() != null) ? order.totals().goods() : BigDecimal.ZERO;
		BigDecimal cumulative = (orderGoods.signum() > 0)
				? share(total, before.goods().add(goods), orderGoods)
				: share(total, BigDecimal.valueOf(before.shipmentsInvoiced() + 1L), BigDecimal.valueOf(shipmentsInOrder));
		return Money.cents(cumulative).subtract(before.freight()).max(Money.ZERO);
	}

	private static BigDecimal share(BigDecimal amount, int part, int whole) {
		return share(amount, BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
	}

	private static BigDecimal share(BigDecimal amount, BigDecimal part, BigDecimal whole) {
		return amount.multiply(part).divide(whole, 2, RoundingMode.HALF_EVEN);
	}

	/** The VAT rate in percent of a product group, or of freight when the group is {@code null}. */
	@FunctionalInterface
	public interface VatRateLookup {

		BigDecimal rate(String productGroup);

	}
}

package org.leverans.billing.invoicing;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One line of an invoice or credit note: goods of one order line that travelled in one shipment, or the freight
 * share of an order. Amounts are net (VAT excluded).
 */
public record InvoiceLine(int lineNo, Kind kind, UUID orderId, String orderNumber, Integer orderLineNo,
		UUID shipmentId, UUID siteId, String purchaseOrderNumber, String placedBy, String sku, String description,
		String productGroup, String unit, int quantity, BigDecimal unitPrice, BigDecimal net, BigDecimal vatRate) {

	public enum Kind {

		GOODS, FREIGHT

	}

	InvoiceLine numbered(int number) {
		return new InvoiceLine(number, this.kind, this.orderId, this.orderNumber, this.orderLineNo, this.shipmentId,
				this.siteId, this.purchaseOrderNumber, this.placedBy, this.sku, this.description, this.productGroup,
				this.unit, this.quantity, this.unitPrice, this.net, this.vatRate);
	}
}

package org.leverans.contracts.billing;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What an invoice charges for one order, before VAT (goods and the order's share of freight), so that credit can
 * move exactly that much of the order's reservation to the receivable.
 *
 * @param complete whether this invoice is the order's last: every shipment of it is now invoiced
 */
public record InvoicedOrder(UUID orderId, String orderNumber, BigDecimal net, boolean complete) {
}

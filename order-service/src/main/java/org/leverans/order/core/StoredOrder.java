package org.leverans.order.core;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.Reason;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.RequestedDelivery;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.contracts.validation.PaymentTerms;
import org.leverans.contracts.validation.Totals;

/**
 * An order as stored, without its lines. Totals, payment and freight terms and the customer's name are
 * {@code null} until validated (the name and the freight terms stay {@code null} for orders validated before they
 * were stored). {@code approval} is {@code null} unless the order was above a spending limit.
 */
public record StoredOrder(UUID id, String orderNumber, UUID customerId, String customerName, String placedBy, Instant placedAt,
		String purchaseOrderNumber, DeliveryMode deliveryMode, RequestedDelivery requestedDelivery, String note,
		OrderProgress progress, List<Reason> statusReasons, UUID agreementId, String agreementNumber, Totals totals,
		PaymentTerms paymentTerms, String freightTermsCode, List<DeliverySite> sites, Integer shipmentsInOrder,
		UUID reorderedFrom, Instant updatedAt, OrderApproval approval) {
}

package org.leverans.contracts.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.contracts.validation.DeliverySite;
import org.leverans.contracts.validation.PaymentTerms;
import org.leverans.contracts.validation.Totals;

/**
 * The order confirmation: agreement and credit both allow the order, at these prices and terms.
 *
 * @param paymentTerms the payment terms the validation fixed for the order, so a confirmation can name them
 * without joining {@code OrderValidated}; absent from events published before it was added
 * @param freightTermsCode the agreement's freight terms ({@code FREE_OVER}, {@code FLAT}, …) the freight was
 * charged under; absent like {@code paymentTerms}
 */
@EventContract(type = "leverans.order.accepted.v1", topic = Topics.ORDER)
public record OrderAccepted(UUID orderId, String orderNumber, UUID customerId, String purchaseOrderNumber,
		DeliveryMode deliveryMode, RequestedDelivery requestedDelivery, List<PricedLine> lines,
		List<DeliverySite> sites, Totals totals, Instant acceptedAt, PaymentTerms paymentTerms,
		String freightTermsCode) {
}

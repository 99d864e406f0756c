package org.leverans.contracts.validation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.EventContract;
import org.leverans.contracts.Topics;

/**
 * The order fits the customer's agreement; its lines are priced, and these prices hold for the order.
 *
 * @param orderNumber the order's number as placed (LV-000123), so consumers can show it without asking
 * order-service; absent from events published before it was added
 * @param customerName the customer's name as the agreement names it, for people searching by name; absent from
 * events published before it was added
 * @param invoicingRule how the agreement invoices the order's deliveries: {@code PER_SHIPMENT} (an invoice per
 * delivered shipment) or {@code MONTHLY} (the month's deliveries in one collective invoice); absent from events
 * published before it was added, for which billing-service falls back to its configuration
 */
@EventContract(type = "leverans.order-validation.validated.v1", topic = Topics.ORDER_VALIDATION)
public record OrderValidated(UUID orderId, UUID customerId, UUID agreementId, String agreementNumber,
		int agreementVersion, List<PricedLine> lines, List<DeliverySite> sites, Totals totals,
		PaymentTerms paymentTerms, String freightTermsCode, boolean splitDeliveryAllowed, Instant validatedAt,
		String orderNumber, String customerName, String invoicingRule) {

	/** An order validated without naming its invoicing rule, as before the rule travelled with it. */
	public OrderValidated(UUID orderId, UUID customerId, UUID agreementId, String agreementNumber,
			int agreementVersion, List<PricedLine> lines, List<DeliverySite> sites, Totals totals,
			PaymentTerms paymentTerms, String freightTermsCode, boolean splitDeliveryAllowed, Instant validatedAt,
			String orderNumber, String customerName) {
		this(orderId, customerId, agreementId, agreementNumber, agreementVersion, lines, sites, totals, paymentTerms,
				freightTermsCode, splitDeliveryAllowed, validatedAt, orderNumber, customerName, null);
	}
}

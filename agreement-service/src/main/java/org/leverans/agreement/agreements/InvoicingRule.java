package org.leverans.agreement.agreements;

/**
 * How an agreement's deliveries become invoices. A term of the agreement like the payment terms: it travels with
 * each validated order ({@code OrderValidated.invoicingRule}), and billing-service invoices by it.
 */
public enum InvoicingRule {

	/** An invoice for each shipment, when it is delivered. */
	PER_SHIPMENT,

	/** One collective invoice for the shipments delivered in a calendar month, issued at the start of the next. */
	MONTHLY

}

package org.leverans.billing.invoicing;

import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How billing-service invoices, under {@code leverans.billing.invoicing}.
 *
 * @param defaultRule the rule of orders whose {@code OrderValidated} did not carry their agreement's rule (validated
 * before it travelled with them), when their agreement is not named under {@code agreements}
 * @param agreements the rule of such orders by agreement number
 * @param monthlyCron when the collective invoices of the month before are issued
 * @param zone the time zone invoice dates, months and due dates are counted in
 * @param defaultPaymentDays the payment term of orders accepted before their terms travelled with them
 * @param invoicePrefix the start of an invoice number, before the year
 * @param creditNotePrefix the start of a credit note number, before the year
 */
@ConfigurationProperties("leverans.billing.invoicing")
public record InvoicingProperties(@DefaultValue("PER_SHIPMENT") InvoicingRule defaultRule,
		Map<String, InvoicingRule> agreements, @DefaultValue("0 0 3 1 * *") String monthlyCron,
		@DefaultValue("Europe/Helsinki") ZoneId zone, @DefaultValue("14") int defaultPaymentDays,
		@DefaultValue("") String invoicePrefix, @DefaultValue("CN-") String creditNotePrefix) {

	public InvoicingProperties {
		agreements = (agreements != null) ? Map.copyOf(agreements) : Map.of();
	}

	public InvoicingRule ruleOf(String agreementNumber) {
		return (agreementNumber != null) ? this.agreements.getOrDefault(agreementNumber, this.defaultRule)
				: this.defaultRule;
	}

	/** How an agreement's deliveries become invoices. */
	public enum InvoicingRule {

		/** An invoice for each shipment, when it is delivered. */
		PER_SHIPMENT,

		/** One collective invoice per customer and agreement for the shipments delivered in a calendar month. */
		MONTHLY

	}

}

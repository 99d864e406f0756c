package org.leverans.notification.mail;

import java.util.List;

import org.leverans.contracts.validation.PaymentTerms;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.contracts.validation.Totals;

/**
 * What an order confirmation e-mail lists: the priced lines, the totals and the terms. Any part may be missing
 * when its event has not arrived (yet); the e-mail then leaves that part out.
 */
record OrderConfirmation(List<PricedLine> lines, Totals totals, PaymentTerms paymentTerms, String freightTermsCode) {

	OrderConfirmation {
		lines = (lines != null) ? List.copyOf(lines) : List.of();
	}
}

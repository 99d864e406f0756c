package org.leverans.agreement.agreements;

import java.time.LocalDate;

/** Net payment terms such as {@code NET_30}: the invoice is due {@code days} calendar days after the order date. */
public record PaymentTerms(String code, int days) {

	public LocalDate dueDate(LocalDate orderDate) {
		return orderDate.plusDays(this.days);
	}
}

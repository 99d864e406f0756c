package org.leverans.contracts.validation;

import java.time.LocalDate;

/** Payment terms applied to one order, e.g. {@code NET_30} with the due date computed for it. */
public record PaymentTerms(String code, int days, LocalDate dueDate) {
}

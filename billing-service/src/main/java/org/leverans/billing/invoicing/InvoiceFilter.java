package org.leverans.billing.invoicing;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Which invoices to list. {@code null} means "any"; {@code customerId} and {@code placedBy} narrow the list to what
 * the caller may see.
 *
 * @param status an {@link Invoice.Status}, or {@code OVERDUE}: unpaid past its due date on {@code today}
 * @param order an order number or id
 */
public record InvoiceFilter(UUID customerId, String placedBy, String status, Invoice.Kind kind, LocalDate from,
		LocalDate to, String order, String purchaseOrderNumber, UUID siteId, LocalDate today, int limit) {
}

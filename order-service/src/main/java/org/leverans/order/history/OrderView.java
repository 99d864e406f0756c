package org.leverans.order.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.Reason;

/** One order as buyers, receivers and customer service see it ({@code GET /api/orders/{id}}). */
public record OrderView(UUID id, String orderNumber, UUID customerId, String customerName,
		String purchaseOrderNumber, String status,
		List<StatusReason> statusReasons, Instant placedAt, String placedBy, String deliveryMode,
		RequestedDeliveryView requestedDelivery, String note, List<LineView> lines, TotalsView totals,
		PaymentTermsView paymentTerms, List<ShipmentSummary> shipments, List<StatusChange> statusHistory,
		UUID reorderedFrom, ApprovalView approval, List<InvoiceEvent> invoicing) {

	public record StatusReason(String code, String message, Integer lineNo) {

		static StatusReason of(Reason reason) {
			return new StatusReason(reason.code(), reason.message(), reason.lineNo());
		}
	}

	/** Times as HH:mm in the delivery site's local time, like the request. */
	public record RequestedDeliveryView(LocalDate date, String from, String to) {
	}

	public record LineView(int lineNo, String sku, String name, int quantity, String packageSize, UUID siteId,
			String unitPrice, String lineTotal) {
	}

	public record TotalsView(String goods, String freight, String total, String currency) {
	}

	public record PaymentTermsView(String code, int days, LocalDate dueDate) {
	}

	public record ShipmentSummary(UUID id, String status, String carrier, String trackingNumber, UUID siteId,
			WindowView window, List<ShipmentLineView> lines, Instant deliveredAt, StatusReason problem) {
	}

	public record WindowView(Instant from, Instant to, String basis, Instant updatedAt) {
	}

	public record ShipmentLineView(int lineNo, String sku, int quantity, String packageSize) {
	}

	public record StatusChange(String status, Instant at, String reason) {
	}

	/**
	 * An entry of the order's timeline about its invoices: {@code type} InvoiceIssued, CreditNoteIssued,
	 * InvoicePaid or InvoicePartlyPaid.
	 *
	 * @param at when billing-service says it happened
	 */
	public record InvoiceEvent(String type, Instant at, InvoiceFacts invoice) {
	}

	/**
	 * Present when the order was above a spending limit: why it needed approval, who may give it and until when,
	 * and who decided when ({@code status} PENDING, APPROVED, REJECTED or EXPIRED).
	 */
	public record ApprovalView(String status, List<StatusReason> reasons, List<String> approvers, Instant requestedAt,
			Instant expiresAt, String decidedBy, Instant decidedAt, String note) {
	}
}

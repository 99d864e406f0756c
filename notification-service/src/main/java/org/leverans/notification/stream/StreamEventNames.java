package org.leverans.notification.stream;

/** The SSE event names, as ARCHITECTURE.md fixes them. */
public final class StreamEventNames {

	public static final String ORDER_STATUS_CHANGED = "order.status-changed";

	public static final String SHIPMENT_UPDATED = "shipment.updated";

	public static final String SHIPMENT_WINDOW_CHANGED = "shipment.window-changed";

	public static final String SHIPMENT_ARRIVING = "shipment.arriving";

	public static final String SHIPMENT_DELIVERED = "shipment.delivered";

	/** An invoice still unpaid some days past its due date: the customer's reminder. */
	public static final String INVOICE_OVERDUE = "invoice.overdue";

	/** A claim about delivered goods was filed, accepted or rejected: the customer follows it. */
	public static final String CLAIM_UPDATED = "claim.updated";

	/** A product one of the customer's sites orders regularly is due again: the reorder reminder. */
	public static final String REORDER_DUE = "reorder.due";

	private StreamEventNames() {
	}
}

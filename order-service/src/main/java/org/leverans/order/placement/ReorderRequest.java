package org.leverans.order.placement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.web.input.MultilineText;

/**
 * The body of {@code POST /api/orders/{id}/reorder}: the earlier order's lines with a new delivery time. Delivery
 * mode defaults to the earlier order's; purchase order number and note are not copied (they belong to one order).
 */
public record ReorderRequest(@NotNull @Valid PlaceOrderRequest.Slot requestedDelivery,
		@Size(max = 64) String purchaseOrderNumber, DeliveryMode deliveryMode,
		@MultilineText @Size(max = 2000) String note) {
}

package org.leverans.order.placement;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.order.core.StoredLine;
import org.leverans.order.core.StoredOrder;
import org.leverans.web.input.MultilineText;

/**
 * The body of {@code POST /api/orders/{id}/reorder}: the earlier order's lines with a new delivery time. Delivery
 * mode defaults to the earlier order's; purchase order number and note are not copied (they belong to one order).
 */
public record ReorderRequest(@NotNull @Valid PlaceOrderRequest.Slot requestedDelivery,
		@Size(max = 64) String purchaseOrderNumber, DeliveryMode deliveryMode,
		@MultilineText @Size(max = 2000) String note) {

	/** The order to place: the earlier order's lines, with this request's delivery time and details. */
	static PlaceOrderRequest again(StoredOrder earlier, List<StoredLine> lines, ReorderRequest request) {
		return new PlaceOrderRequest(request.purchaseOrderNumber(),
				(request.deliveryMode() != null) ? request.deliveryMode() : earlier.deliveryMode(),
				request.requestedDelivery(),
				lines.stream()
					.map(line -> new PlaceOrderRequest.Line(line.sku(), line.quantity(), line.packageSize(),
							line.siteId()))
					.toList(),
				request.note());
	}
}

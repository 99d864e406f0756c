package org.leverans.order.preview;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.order.placement.PlaceOrderRequest;
import org.leverans.web.input.MultilineText;

/**
 * The body of {@code POST /api/orders/preview}: either {@code lines} as in {@code POST /api/orders}, or
 * {@code pastedLines} (quick order text, one {@code SKU QUANTITY [PACKAGE_SIZE]} per line) delivered to
 * {@code defaultSiteId}. Without {@code requestedDelivery} the lead time is not checked (the answer tells the
 * earliest delivery date); without {@code deliveryMode} the order is previewed as COMPLETE.
 *
 * <p>
 * It takes every field of the placement body, checked by the same rules, so a client previews exactly the body it
 * then places; the purchase order number and the note do not change the price.
 */
public record PreviewRequest(@Size(max = 500) @Valid List<PlaceOrderRequest.@NotNull Line> lines,
		@MultilineText @Size(max = 100_000) String pastedLines, UUID defaultSiteId,
		@Pattern(regexp = "[A-Z][A-Z_]{0,31}", message = "must be a package size like PALLET") String defaultPackageSize,
		DeliveryMode deliveryMode, @Valid PlaceOrderRequest.Slot requestedDelivery,
		@Size(max = 64) String purchaseOrderNumber, @MultilineText @Size(max = 2000) String note) {
}

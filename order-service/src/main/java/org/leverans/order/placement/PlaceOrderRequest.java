package org.leverans.order.placement;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.web.input.MultilineText;

/** The body of {@code POST /api/orders}. Whether it fits the agreement is agreement-service's call, later. */
public record PlaceOrderRequest(@Size(max = 64) String purchaseOrderNumber, @NotNull DeliveryMode deliveryMode,
		@NotNull @Valid Slot requestedDelivery, @NotEmpty @Size(max = 500) @Valid List<@NotNull Line> lines,
		@MultilineText @Size(max = 2000) String note) {

	/** The requested delivery date and time slot, in the delivery site's local time. */
	@SlotInOrder
	public record Slot(@NotNull LocalDate date, @NotNull LocalTime from, @NotNull LocalTime to) {
	}

	public record Line(
			@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}",
					message = "must be a product code like CEM-25KG") String sku,
			@NotNull @Min(1) @Max(1_000_000) Integer quantity,
			@NotBlank @Pattern(regexp = "[A-Z][A-Z_]{0,31}",
					message = "must be a package size like PALLET") String packageSize,
			@NotNull UUID siteId) {
	}
}

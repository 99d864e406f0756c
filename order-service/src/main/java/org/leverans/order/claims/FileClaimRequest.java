package org.leverans.order.claims;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.leverans.web.input.MultilineText;

/**
 * The body of {@code POST /api/orders/{id}/claims}: what is wrong, with which lines and how much of each.
 *
 * @param shipmentId the delivered shipment the claim is about; without it the claim is about the order's delivered
 * goods as a whole
 */
public record FileClaimRequest(UUID shipmentId, @NotNull ClaimReason reason,
		@NotBlank @MultilineText @Size(max = 2000) String description,
		@NotEmpty @Size(max = 500) List<@Valid @NotNull ClaimedQuantity> lines) {

	public record ClaimedQuantity(@NotNull @Min(1) @Max(10_000) Integer lineNo,
			@NotNull @Min(1) @Max(1_000_000) Integer quantity) {
	}
}

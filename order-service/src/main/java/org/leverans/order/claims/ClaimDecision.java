package org.leverans.order.claims;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.leverans.order.placement.PlaceOrderRequest;
import org.leverans.web.input.MultilineText;

/**
 * The body of {@code POST /api/support/claims/{id}/decision}.
 *
 * @param remedy what an acceptance gives: CREDIT, or REPLACEMENT (which needs {@code replacementDelivery})
 * @param note the reason of a rejection (required), or a note on an acceptance
 * @param replacementDelivery when the replacement should arrive
 */
public record ClaimDecision(@NotNull Outcome outcome, Claim.Remedy remedy,
		@MultilineText @Size(max = 2000) String note, @Valid PlaceOrderRequest.Slot replacementDelivery) {

	public enum Outcome {

		ACCEPT, REJECT

	}

	@AssertTrue(message = "an acceptance names its remedy, CREDIT or REPLACEMENT")
	boolean isRemedy() {
		return this.outcome != Outcome.ACCEPT || this.remedy != null;
	}

	@AssertTrue(message = "a replacement needs a requested delivery date and time slot")
	boolean isReplacementDelivery() {
		return this.remedy != Claim.Remedy.REPLACEMENT || this.outcome != Outcome.ACCEPT
				|| this.replacementDelivery != null;
	}

	@AssertTrue(message = "a rejection tells the customer why")
	boolean isNote() {
		return this.outcome != Outcome.REJECT || (this.note != null && !this.note.isBlank());
	}
}

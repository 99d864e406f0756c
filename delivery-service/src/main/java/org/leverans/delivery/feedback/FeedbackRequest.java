package org.leverans.delivery.feedback;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.leverans.web.input.MultilineText;

/**
 * A receiver's rating of a delivery.
 *
 * @param onTime whether it came on time as seen on site, which may differ from what the carrier reported
 * @param unloadedFine whether it was unloaded without damage or trouble
 * @param comment anything else, for the supplier
 */
record FeedbackRequest(@NotNull Boolean onTime, @NotNull Boolean unloadedFine,
		@MultilineText @Size(max = 1000) String comment) {
}

package org.leverans.order.reminders;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;

/**
 * A buyer's answer to a reorder suggestion: not now ({@code snoozedUntil} a later day), or not this time
 * ({@code dismissed}: until the product is next ordered for the site). Exactly one of the two.
 */
record SuggestionAnswer(LocalDate snoozedUntil, Boolean dismissed) {

	@AssertTrue(message = "give either snoozedUntil or \"dismissed\": true")
	boolean isEitherSnoozedOrDismissed() {
		return (this.snoozedUntil != null) != Boolean.TRUE.equals(this.dismissed);
	}
}

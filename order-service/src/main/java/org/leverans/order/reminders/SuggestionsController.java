package org.leverans.order.reminders;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.leverans.web.caller.Caller;
import org.leverans.web.input.CheckedBodies;
import org.leverans.web.problem.ApiProblem;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A buyer's reorder suggestions, and their answer to one: snoozed or dismissed. */
@RestController
class SuggestionsController {

	private final ReorderSuggestions suggestions;

	private final ReminderProperties properties;

	private final Clock clock;

	private final CheckedBodies bodies;

	SuggestionsController(ReorderSuggestions suggestions, ReminderProperties properties, Clock clock,
			CheckedBodies bodies) {
		this.suggestions = suggestions;
		this.properties = properties;
		this.clock = clock;
		this.bodies = bodies;
	}

	@GetMapping("/api/reorder-suggestions")
	Suggestions suggestions(Caller buyer) {
		return new Suggestions(this.suggestions.of(buyer.requireCustomer()));
	}

	@PutMapping("/api/reorder-suggestions/{siteId}/{sku}")
	ReorderSuggestions.Suggestion answer(Caller buyer, @PathVariable UUID siteId, @PathVariable String sku,
			@RequestBody(required = false) SuggestionAnswer answer) {
		// Checked once the suggestion is known to be the caller's: another company's is 404 whatever the body.
		UUID customer = buyer.requireCustomer();
		ReorderSuggestions.Suggestion suggested = this.suggestions.of(customer)
			.stream()
			.filter(s -> s.siteId().equals(siteId) && s.sku().equals(sku))
			.findFirst()
			.orElseThrow(() -> ApiProblem.notFound("Nothing is suggested for " + sku + " at site " + siteId + "."));
		this.bodies.check(answer);
		if (answer.snoozedUntil() != null) {
			LocalDate today = LocalDate.now(this.clock.withZone(this.properties.zone()));
			if (!answer.snoozedUntil().isAfter(today) || answer.snoozedUntil().isAfter(today.plusYears(1))) {
				throw ApiProblem.invalid("snoozedUntil", "OUT_OF_RANGE", "must be a day after today, within a year");
			}
			this.suggestions.snooze(customer, siteId, sku, answer.snoozedUntil());
		}
		else {
			this.suggestions.dismiss(customer, siteId, sku, suggested.lastOrdered());
		}
		return suggested;
	}

	record Suggestions(List<ReorderSuggestions.Suggestion> items) {
	}
}

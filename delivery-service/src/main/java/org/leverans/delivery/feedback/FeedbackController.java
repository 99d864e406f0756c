package org.leverans.delivery.feedback;

import java.util.List;
import java.util.UUID;

import org.leverans.web.caller.Caller;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A receiver's delivered shipments, and their rating of each. */
@RestController
class FeedbackController {

	private final DeliveryFeedback feedback;

	FeedbackController(DeliveryFeedback feedback) {
		this.feedback = feedback;
	}

	@GetMapping("/api/receiver/deliveries")
	Deliveries deliveries(Caller caller) {
		return new Deliveries(this.feedback.history(caller));
	}

	// Validated once the shipment is known to be the caller's: another site's shipment is 404 whatever the body.
	@PutMapping("/api/shipments/{id}/feedback")
	Rating rate(Caller caller, @PathVariable UUID id, @RequestBody(required = false) FeedbackRequest request) {
		return this.feedback.rate(caller, id, request);
	}

	record Deliveries(List<DeliveryFeedback.DeliveredShipment> items) {
	}
}

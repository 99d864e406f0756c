package org.leverans.messaging.deadletter;

import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.ProblemTypes;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supplier admin's view of this service's dead letters: why each record could not be applied, and a replay
 * (after the cause is fixed) or a discard. The path names the service, so that the gateway routes
 * {@code /api/admin/dead-letters/order-service/…} to order-service as it is, and each service's OpenAPI document
 * lists the path a caller uses.
 */
@RestController
@RequestMapping("/api/admin/dead-letters/${spring.application.name}")
class DeadLetterController {

	private static final int MAX_LIMIT = 500;

	private final DeadLetters deadLetters;

	DeadLetterController(DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@GetMapping
	List<DeadLetter> list(@RequestParam(defaultValue = "PENDING") DeadLetterStatus status,
			@RequestParam(required = false) String topic, @RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw ApiProblem.invalid("limit", "out-of-range", "limit must be between 1 and " + MAX_LIMIT);
		}
		if (topic != null && topic.length() > 249) {
			// Kafka's own limit on a topic name.
			throw ApiProblem.invalid("topic", "too-long", "topic must be at most 249 characters");
		}
		return this.deadLetters.list(status, topic, limit);
	}

	@GetMapping("/{deadLetterId}")
	DeadLetter one(@PathVariable("deadLetterId") long id) {
		return decided(() -> this.deadLetters.find(id));
	}

	@PostMapping("/{deadLetterId}/replay")
	DeadLetter replay(@PathVariable("deadLetterId") long id, Principal caller) {
		return decided(() -> this.deadLetters.replay(id, caller.getName()));
	}

	@PostMapping("/{deadLetterId}/discard")
	DeadLetter discard(@PathVariable("deadLetterId") long id, @Valid @RequestBody(required = false) Discard discard,
			Principal caller) {
		return decided(() -> this.deadLetters.discard(id, caller.getName(), (discard != null) ? discard.note() : null));
	}

	private static DeadLetter decided(Decision decision) {
		try {
			return decision.run();
		}
		catch (DeadLetterDecisionRefused refused) {
			if (refused.current() == null) {
				throw ApiProblem.notFound(refused.getMessage());
			}
			throw ApiProblem.conflict(ProblemTypes.CONFLICT, "Already decided", refused.getMessage())
				.with("status", refused.current());
		}
	}

	/** Why a record is left unapplied, for whoever looks later. */
	record Discard(@Size(max = 500) String note) {
	}

	private interface Decision {

		DeadLetter run();

	}
}

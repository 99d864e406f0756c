package org.leverans.notification.follow;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.leverans.contracts.TokenClaims.Roles;
import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;
import org.leverans.web.problem.ProblemTypes;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/subscriptions/follows}: the orders and customers a customer service person (or an admin) follows.
 * Customers' own people already see their company's changes, so they have nothing to follow.
 */
@RestController
@RequestMapping("/api/subscriptions/follows")
class FollowsController {

	private final Follows follows;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	FollowsController(Follows follows, Clock clock, ApplicationEventPublisher events) {
		this.follows = follows;
		this.clock = clock;
		this.events = events;
	}

	@GetMapping
	ResponseEntity<?> list(@AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		if (!mayFollow(caller)) {
			throw forbidden();
		}
		return ResponseEntity.ok(Map.of("items", this.follows.list(caller.subject())));
	}

	@PostMapping
	ResponseEntity<?> follow(@AuthenticationPrincipal Jwt jwt, @RequestBody FollowRequest request) {
		Caller caller = Caller.of(jwt);
		if (!mayFollow(caller)) {
			throw forbidden();
		}
		List<FieldProblem> errors = new ArrayList<>();
		UUID orderId = uuid("orderId", request.orderId(), errors);
		UUID customerId = uuid("customerId", request.customerId(), errors);
		if (errors.isEmpty() && (orderId == null) == (customerId == null)) {
			String code = (orderId == null) ? "REQUIRED" : "ONE_OF";
			errors.add(error("orderId", code, "Name either an orderId or a customerId to follow."));
			errors.add(error("customerId", code, "Name either an orderId or a customerId to follow."));
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.invalid("The follow does not name one order or one customer.", errors);
		}
		// An id this service has never seen an event for is most likely mistyped; following it would stay silent.
		if (orderId != null && !this.follows.orderKnown(orderId)) {
			throw new ApiProblem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Unknown order",
					"No order " + orderId + " is known.", List.of(error("orderId", "UNKNOWN_ORDER", "No such order.")));
		}
		Follows.Added added = this.follows.add(caller.subject(), orderId, customerId, this.clock.instant());
		if (!added.created()) {
			return ResponseEntity.ok(added.follow());
		}
		this.events.publishEvent(new FollowsChanged(caller.subject()));
		return ResponseEntity.created(URI.create("/api/subscriptions/follows/" + added.follow().id()))
			.body(added.follow());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<?> unfollow(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
		Caller caller = Caller.of(jwt);
		if (!mayFollow(caller)) {
			throw forbidden();
		}
		// Someone else's follow is as invisible as one that does not exist.
		if (this.follows.find(caller.subject(), id).isEmpty()) {
			throw ApiProblem.notFound("No follow " + id + ".");
		}
		this.follows.remove(caller.subject(), id);
		this.events.publishEvent(new FollowsChanged(caller.subject()));
		return ResponseEntity.noContent().build();
	}

	private static boolean mayFollow(Caller caller) {
		return caller.has(Roles.CUSTOMER_SERVICE) || caller.has(Roles.ADMIN);
	}

	private static ApiProblem forbidden() {
		return ApiProblem.forbidden("Only customer service and admins follow orders and customers.");
	}

	private static UUID uuid(String field, String value, List<FieldProblem> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			errors.add(error(field, "INVALID_ID", "'" + value + "' is not an id."));
			return null;
		}
	}

	private static FieldProblem error(String field, String code, String message) {
		return FieldProblem.field(field, code, message);
	}

	/** Ids as text, so a malformed one is reported against its field. */
	record FollowRequest(String orderId, String customerId) {
	}
}

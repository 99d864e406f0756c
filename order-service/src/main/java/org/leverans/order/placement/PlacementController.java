package org.leverans.order.placement;

import java.net.URI;
import java.util.UUID;

import org.leverans.order.core.Orders;
import org.leverans.order.core.StoredOrder;
import org.leverans.order.security.BearerToken;
import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Placing an order, and placing one again from an earlier order. */
@RestController
class PlacementController {

	private final OrderPlacement placement;

	private final RequestChecks checks;

	private final Orders orders;

	private final FlowAdmission admission;

	PlacementController(OrderPlacement placement, RequestChecks checks, Orders orders, FlowAdmission admission) {
		this.placement = placement;
		this.checks = checks;
		this.orders = orders;
		this.admission = admission;
	}

	@PostMapping("/api/orders")
	ResponseEntity<PlacedOrder> place(Caller caller,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestHeader(name = RequestChecks.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
			@RequestBody(required = false) PlaceOrderRequest request) {
		this.checks.check(idempotencyKey, request);
		this.admission.admit();
		return answer(this.placement.place(caller, BearerToken.of(authorization), idempotencyKey, request, null));
	}

	@PostMapping("/api/orders/{id}/reorder")
	ResponseEntity<PlacedOrder> reorder(Caller caller, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestHeader(name = RequestChecks.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
			@RequestBody(required = false) ReorderRequest request) {
		StoredOrder earlier = this.orders.find(id)
			.filter(order -> caller.mayOrderFor(order.customerId()))
			.orElseThrow(() -> ApiProblem.notFound("Order " + id + " does not exist."));
		this.checks.check(idempotencyKey, request);
		this.admission.admit();
		PlaceOrderRequest again = ReorderRequest.again(earlier, this.orders.lines(id), request);
		return answer(this.placement.place(caller, BearerToken.of(authorization), idempotencyKey, again, id));
	}

	static ResponseEntity<PlacedOrder> answer(OrderPlacement.Answer answer) {
		return ResponseEntity.status(answer.status())
			.location(URI.create(answer.order().location()))
			.body(answer.order());
	}
}

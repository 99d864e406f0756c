package org.leverans.order.placement;

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

/**
 * Customer service orders for a customer who calls or writes in: a new order, or one placed again from an earlier
 * order of theirs. The order is the customer's, validated and priced under their agreement like any other; who
 * placed it for them shows in its timeline and in the audit log. The same idempotency, checks and admission as a
 * buyer's own order.
 */
@RestController
class OnBehalfController {

	private final OrderPlacement placement;

	private final RequestChecks checks;

	private final Orders orders;

	private final FlowAdmission admission;

	OnBehalfController(OrderPlacement placement, RequestChecks checks, Orders orders, FlowAdmission admission) {
		this.placement = placement;
		this.checks = checks;
		this.orders = orders;
		this.admission = admission;
	}

	@PostMapping("/api/support/customers/{customerId}/orders")
	ResponseEntity<PlacedOrder> place(Caller agent, @PathVariable UUID customerId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestHeader(name = RequestChecks.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
			@RequestBody(required = false) PlaceOrderRequest request) {
		this.checks.check(idempotencyKey, request);
		this.admission.admit();
		OnBehalf customer = new OnBehalf(customerId, this.orders.customerName(customerId).orElse(null));
		return PlacementController.answer(this.placement.placeOnBehalf(agent, customer,
				BearerToken.of(authorization), idempotencyKey, request, null));
	}

	@PostMapping("/api/support/orders/{id}/reorder")
	ResponseEntity<PlacedOrder> reorder(Caller agent, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestHeader(name = RequestChecks.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
			@RequestBody(required = false) ReorderRequest request) {
		StoredOrder earlier = this.orders.find(id)
			.orElseThrow(() -> ApiProblem.notFound("Order " + id + " does not exist."));
		this.checks.check(idempotencyKey, request);
		this.admission.admit();
		OnBehalf customer = new OnBehalf(earlier.customerId(), (earlier.customerName() != null)
				? earlier.customerName() : this.orders.customerName(earlier.customerId()).orElse(null));
		return PlacementController.answer(this.placement.placeOnBehalf(agent, customer,
				BearerToken.of(authorization), idempotencyKey, ReorderRequest.again(earlier, this.orders.lines(id),
						request), id));
	}
}

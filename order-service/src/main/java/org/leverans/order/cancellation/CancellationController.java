package org.leverans.order.cancellation;

import java.util.UUID;

import jakarta.validation.Valid;
import org.leverans.order.core.StoredOrder;
import org.leverans.web.caller.Caller;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CancellationController {

	private final OrderCancellation cancellation;

	CancellationController(OrderCancellation cancellation) {
		this.cancellation = cancellation;
	}

	@PostMapping("/api/orders/{id}/cancel")
	CancelledOrder cancel(Caller caller, @PathVariable UUID id,
			@RequestBody(required = false) @Valid CancelRequest request) {
		StoredOrder order = this.cancellation.cancel(id, caller, (request != null) ? request.reason() : null);
		return new CancelledOrder(order.id(), order.orderNumber(), order.progress().status().name());
	}

	record CancelledOrder(UUID id, String orderNumber, String status) {
	}
}

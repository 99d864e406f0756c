package org.leverans.order.history;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.leverans.order.OrderProperties;
import org.leverans.order.core.OrderStatus;
import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One order with lines, prices, status and shipments; and the order history. */
@RestController
class OrderController {

	private final OrderViews views;

	private final OrderSearch search;

	private final OrderProperties properties;

	OrderController(OrderViews views, OrderSearch search, OrderProperties properties) {
		this.views = views;
		this.search = search;
		this.properties = properties;
	}

	@GetMapping("/api/orders/{id}")
	OrderView order(Caller caller, @PathVariable UUID id) {
		return this.views.find(id, caller).orElseThrow(() -> ApiProblem.notFound("Order " + id + " does not exist."));
	}

	@GetMapping("/api/orders")
	OrderPage history(Caller caller, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(required = false) @Size(max = 20) List<@NotNull OrderStatus> status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) @Size(max = 64) String purchaseOrderNumber,
			@RequestParam(required = false) UUID siteId,
			@RequestParam(required = false) UUID customerId) {
		OrderSearch.checkPage(page, size, this.properties.historyMaxPageSize());
		if (from != null && to != null && to.isBefore(from)) {
			throw ApiProblem.invalid(List.of(FieldProblem.field("to", "BEFORE_FROM", "must not be before from")));
		}
		Set<OrderStatus> statuses = (status == null || status.isEmpty()) ? Set.of() : EnumSet.copyOf(status);
		return this.search.history(caller,
				new OrderSearch.Filter(statuses, from, to, purchaseOrderNumber, siteId, customerId), page, size);
	}
}

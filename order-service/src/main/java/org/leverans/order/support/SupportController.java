package org.leverans.order.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;
import org.leverans.order.OrderProperties;
import org.leverans.order.core.Orders;
import org.leverans.order.core.StoredOrder;
import org.leverans.order.core.Timeline;
import org.leverans.order.history.InvoiceFacts;
import org.leverans.order.history.OrderPage;
import org.leverans.order.history.OrderSearch;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "Where is my order?": customer service finds any customer's order and reads everything that happened to it. */
@RestController
class SupportController {

	private final OrderSearch search;

	private final Orders orders;

	private final Timeline timeline;

	private final OrderProperties properties;

	SupportController(OrderSearch search, Orders orders, Timeline timeline, OrderProperties properties) {
		this.search = search;
		this.orders = orders;
		this.timeline = timeline;
		this.properties = properties;
	}

	@GetMapping("/api/support/orders")
	OrderPage search(@RequestParam(required = false) @Size(max = 100) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		if (q == null || q.isBlank()) {
			throw ApiProblem.invalid(List.of(FieldProblem.field("q", "REQUIRED",
					"Give an order number, purchase order number, tracking number, invoice number, or a customer's name "
							+ "or id.")));
		}
		OrderSearch.checkPage(page, size, this.properties.historyMaxPageSize());
		return this.search.support(q, page, size);
	}

	@GetMapping("/api/support/orders/{id}/timeline")
	OrderTimeline timeline(@PathVariable UUID id) {
		StoredOrder order = this.orders.find(id).orElseThrow(() -> ApiProblem.notFound("Order " + id + " does not exist."));
		return new OrderTimeline(order.id(), order.orderNumber(), order.customerId(), order.customerName(),
				order.progress().status().name(),
				this.timeline.of(id)
					.stream()
					.map(e -> new OrderTimeline.Event(e.recordedAt(), e.occurredAt(), e.type(), e.summary(),
							(e.status() != null) ? e.status().name() : null, e.reason(), e.shipmentId(), e.window(),
							(e.invoice() != null) ? InvoiceFacts.of(e.invoice()) : null, e.eventId()))
					.toList());
	}

	/** Every event of an order and its shipments, in the order they were applied. */
	record OrderTimeline(UUID orderId, String orderNumber, UUID customerId, String customerName, String status,
			List<Event> events) {

		/**
		 * @param at when the order-service applied it
		 * @param occurredAt when it happened according to its source
		 * @param status the order's status after it, when it changed the status
		 * @param window the shipment's delivery window it announced, as instants (the summary does not repeat it)
		 * @param invoice the invoice it is about (issued, credited, paid), if any
		 */
		record Event(Instant at, Instant occurredAt, String type, String summary, String status, String reason,
				UUID shipmentId, Timeline.Window window, InvoiceFacts invoice, String eventId) {
		}
	}
}

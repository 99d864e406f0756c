package org.leverans.order.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.leverans.contracts.Reason;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.order.core.Orders;
import org.leverans.order.core.StoredOrder;
import org.leverans.order.placement.PlaceOrderRequest;
import org.leverans.order.security.BearerToken;
import org.leverans.web.caller.Caller;
import org.leverans.web.input.MultilineText;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Quick order and reorder previews: prices and problems before anything is placed. Stores nothing. */
@RestController
class PreviewController {

	private final OrderPreviews previews;

	private final Orders orders;

	PreviewController(OrderPreviews previews, Orders orders) {
		this.previews = previews;
		this.orders = orders;
	}

	@PostMapping("/api/orders/preview")
	Preview preview(Caller caller,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@Valid @RequestBody PreviewRequest request) {
		if (!caller.isBuyer()) {
			throw ApiProblem.forbidden("Your token does not name a customer to preview an order for.");
		}
		return this.previews.preview(wanted(request), request.deliveryMode(), request.requestedDelivery(),
				BearerToken.of(authorization));
	}

	/**
	 * The earlier order's lines at today's prices and terms, with the lines that can no longer be ordered flagged.
	 * Takes the same body as the reorder itself (all optional here), so a client can preview and then place with
	 * one body.
	 */
	@PostMapping(path = "/api/orders/{id}/reorder", params = "preview=true")
	Preview previewReorder(Caller caller, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@Valid @RequestBody(required = false) ReorderPreviewRequest request) {
		StoredOrder earlier = this.orders.find(id)
			.filter(order -> caller.mayOrderFor(order.customerId()))
			.orElseThrow(() -> ApiProblem.notFound("Order " + id + " does not exist."));
		ReorderPreviewRequest body = (request != null) ? request : new ReorderPreviewRequest(null, null, null, null);
		List<OrderPreviews.Wanted> wanted = this.orders.lines(id)
			.stream()
			.map(line -> OrderPreviews.Wanted.readable(line.lineNo(), line.sku(), line.quantity(), line.packageSize(),
					line.siteId()))
			.toList();
		return this.previews.preview(wanted,
				(body.deliveryMode() != null) ? body.deliveryMode() : earlier.deliveryMode(), body.requestedDelivery(),
				BearerToken.of(authorization));
	}

	/** The reorder body with nothing required: a preview may come before the delivery date is chosen. */
	record ReorderPreviewRequest(@Valid PlaceOrderRequest.Slot requestedDelivery,
			@Size(max = 64) String purchaseOrderNumber, DeliveryMode deliveryMode,
			@MultilineText @Size(max = 2000) String note) {
	}

	private static List<OrderPreviews.Wanted> wanted(PreviewRequest request) {
		boolean hasLines = request.lines() != null;
		boolean hasText = request.pastedLines() != null;
		List<FieldProblem> errors = new ArrayList<>();
		if (hasLines == hasText) {
			errors.add(FieldProblem.field(hasLines ? "pastedLines" : "lines", hasLines ? "NOT_ALLOWED" : "REQUIRED",
					"Give either lines or pastedLines."));
		}
		else if (hasText && request.pastedLines().isBlank()) {
			errors.add(FieldProblem.field("pastedLines", "REQUIRED", "Paste at least one line: product code and quantity."));
		}
		else if (hasText && request.defaultSiteId() == null) {
			errors.add(FieldProblem.field("defaultSiteId", "REQUIRED", "Pasted lines are delivered to defaultSiteId."));
		}
		else if (hasLines && request.lines().isEmpty()) {
			errors.add(FieldProblem.field("lines", "REQUIRED", "must not be empty"));
		}
		else if (hasLines) {
			for (int i = 0; i < request.lines().size(); i++) {
				if (request.lines().get(i) == null) {
					errors.add(FieldProblem.field("lines[" + i + "]", "REQUIRED", "must not be null"));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.invalid(errors);
		}
		List<OrderPreviews.Wanted> wanted = new ArrayList<>();
		if (hasLines) {
			for (int i = 0; i < request.lines().size(); i++) {
				PlaceOrderRequest.Line line = request.lines().get(i);
				wanted.add(OrderPreviews.Wanted.readable(i + 1, line.sku(), line.quantity(), line.packageSize(),
						line.siteId()));
			}
			return wanted;
		}
		for (PastedLines.PastedLine line : PastedLines.parse(request.pastedLines())) {
			wanted.add(new OrderPreviews.Wanted(line.lineNo(), line.sku(), line.quantity(),
					(line.packageSize() != null) ? line.packageSize() : request.defaultPackageSize(),
					request.defaultSiteId(), line.problems().stream().map(PreviewController::problem).toList()));
		}
		return wanted;
	}

	private static Preview.Problem problem(Reason reason) {
		return new Preview.Problem(reason.code(), reason.message());
	}
}

package org.leverans.order.placement;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.leverans.contracts.order.DeliveryMode;
import org.leverans.contracts.order.OrderLine;
import org.leverans.contracts.order.OrderPlaced;
import org.leverans.contracts.order.RequestedDelivery;
import org.leverans.messaging.Outbox;
import org.leverans.order.audit.AuditEntry;
import org.leverans.order.audit.AuditLog;
import org.leverans.order.core.OrderStatus;
import org.leverans.order.core.Orders;
import org.leverans.order.core.Sha256;
import org.leverans.order.core.Timeline;
import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places orders exactly once per idempotency key. The order, its OrderPlaced event and the key's stored answer
 * commit together; a repeat with the same body gets the stored answer, a repeat with another body a 422. Two
 * requests racing with one key both try to claim it; the loser's transaction rolls back and it answers what the
 * winner stored.
 */
@Service
public class OrderPlacement {

	private final Orders orders;

	private final Timeline timeline;

	private final IdempotencyKeys keys;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	private final KnownProducts products;

	private final AuditLog audit;

	OrderPlacement(Orders orders, Timeline timeline, IdempotencyKeys keys, Outbox outbox,
			TransactionTemplate transactions, JsonMapper json, Clock clock, KnownProducts products, AuditLog audit) {
		this.products = products;
		this.audit = audit;
		this.orders = orders;
		this.timeline = timeline;
		this.keys = keys;
		this.outbox = outbox;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * The stored (or replayed) answer: status code, body and location. A replay answers what was stored without
	 * checking the products again, so a retry always gets the first answer.
	 *
	 * @param bearerToken the caller's access token, passed on to agreement-service for the product check
	 */
	public Answer place(Caller caller, String bearerToken, String idempotencyKey, PlaceOrderRequest request,
			UUID reorderedFrom) {
		if (caller.customerId() == null) {
			throw ApiProblem.forbidden("Your token does not name a customer to order for.");
		}
		return place(caller, bearerToken, idempotencyKey, request, reorderedFrom, null);
	}

	/**
	 * Customer service places the order for the customer: the order is the customer's, {@code placedBy} the agent,
	 * and the audit log records it in the same transaction.
	 */
	public Answer placeOnBehalf(Caller agent, OnBehalf onBehalf, String bearerToken, String idempotencyKey,
			PlaceOrderRequest request, UUID reorderedFrom) {
		return place(agent, bearerToken, idempotencyKey, request, reorderedFrom, onBehalf);
	}

	private Answer place(Caller caller, String bearerToken, String idempotencyKey, PlaceOrderRequest request,
			UUID reorderedFrom, OnBehalf onBehalf) {
		String fingerprint = fingerprint(request, reorderedFrom);
		var existing = this.keys.find(caller.subject(), idempotencyKey);
		if (existing.isPresent()) {
			return replay(existing.get(), fingerprint);
		}
		this.products.check(request, bearerToken);
		Answer placed = this.transactions.execute(status -> {
			Answer answer = store(caller, request, reorderedFrom, onBehalf);
			IdempotencyKeys.StoredAnswer stored = new IdempotencyKeys.StoredAnswer(fingerprint, answer.order().id(),
					answer.status(), this.json.writeValueAsString(answer.order()), answer.order().location());
			if (!this.keys.claim(caller.subject(), idempotencyKey, stored, this.clock.instant())) {
				// Someone else placed with this key meanwhile: undo ours, answer theirs.
				status.setRollbackOnly();
				return null;
			}
			return answer;
		});
		if (placed != null) {
			return placed;
		}
		return replay(this.keys.find(caller.subject(), idempotencyKey).orElseThrow(), fingerprint);
	}

	private Answer store(Caller caller, PlaceOrderRequest request, UUID reorderedFrom, OnBehalf onBehalf) {
		UUID id = UUID.randomUUID();
		UUID customerId = (onBehalf != null) ? onBehalf.customerId() : caller.customerId();
		String orderNumber = this.orders.nextOrderNumber();
		Instant now = this.clock.instant();
		RequestedDelivery requested = new RequestedDelivery(request.requestedDelivery().date(),
				request.requestedDelivery().from(), request.requestedDelivery().to());
		List<OrderLine> lines = new ArrayList<>();
		int lineNo = 1;
		for (PlaceOrderRequest.Line line : request.lines()) {
			lines.add(new OrderLine(lineNo++, line.sku().toUpperCase(Locale.ROOT), line.quantity(), line.packageSize(),
					line.siteId()));
		}
		String po = blankToNull(request.purchaseOrderNumber());
		String note = blankToNull(request.note());
		DeliveryMode mode = request.deliveryMode();
		this.orders.insert(id, orderNumber, customerId, caller.subject(), now, po, mode, requested, note, lines,
				reorderedFrom);
		String placedBy = "Placed by " + caller.subject()
				+ ((onBehalf != null) ? " for " + onBehalf.customerInWords() : "");
		this.timeline.record(new Timeline.Entry(id, now, now, "OrderPlaced",
				placedBy + " with " + lines.size() + " line(s)" + (reorderedFrom != null ? " (reorder)" : ""),
				OrderStatus.PLACED, null, null, null, null));
		if (onBehalf != null) {
			this.audit.record(new AuditEntry(null, now, caller.subject(), AuditEntry.ORDER_PLACED_ON_BEHALF, customerId,
					onBehalf.customerName(), id, placedBy + ": order " + orderNumber
							+ (reorderedFrom != null ? ", a reorder" : "")));
		}
		this.outbox.publish(id, id, new OrderPlaced(id, orderNumber, customerId, caller.subject(), now, po, mode,
				requested, lines, note));
		return new Answer(HttpStatus.ACCEPTED.value(), new PlacedOrder(id, orderNumber, OrderStatus.PLACED.name()));
	}

	private Answer replay(IdempotencyKeys.StoredAnswer stored, String fingerprint) {
		if (!stored.requestHash().equals(fingerprint)) {
			throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
					"Idempotency key already used",
					"This Idempotency-Key was used for a different request; use a new key for a new order.", List.of());
		}
		return new Answer(stored.status(), this.json.readValue(stored.body(), PlacedOrder.class));
	}

	private String fingerprint(PlaceOrderRequest request, UUID reorderedFrom) {
		byte[] body = this.json.writeValueAsBytes(request);
		return (reorderedFrom != null)
				? Sha256.hex(body, reorderedFrom.toString().getBytes(StandardCharsets.UTF_8)) : Sha256.hex(body);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	public record Answer(int status, PlacedOrder order) {
	}
}

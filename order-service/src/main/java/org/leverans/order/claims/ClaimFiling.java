package org.leverans.order.claims;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.leverans.contracts.claim.ClaimFiled;
import org.leverans.contracts.claim.ClaimedLine;
import org.leverans.messaging.Outbox;
import org.leverans.order.core.Orders;
import org.leverans.order.core.Sha256;
import org.leverans.order.core.StoredLine;
import org.leverans.order.core.StoredOrder;
import org.leverans.order.core.Timeline;
import org.leverans.order.shipments.ShipmentView;
import org.leverans.order.shipments.Shipments;
import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Files a claim about an order's delivered goods. Only what was delivered can be claimed, and a line never for more
 * than arrived of it, counting the claims already open or accepted; a receiver claims only goods that came to their
 * own sites. The order's row is locked, so two claims filed at once cannot together claim more than arrived.
 */
@Service
class ClaimFiling {

	private final Orders orders;

	private final Shipments shipments;

	private final Claims claims;

	private final Timeline timeline;

	private final Outbox outbox;

	private final ClaimProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	ClaimFiling(Orders orders, Shipments shipments, Claims claims, Timeline timeline, Outbox outbox,
			ClaimProperties properties, JsonMapper json, Clock clock) {
		this.orders = orders;
		this.shipments = shipments;
		this.claims = claims;
		this.timeline = timeline;
		this.outbox = outbox;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/** The order, if the caller may claim about it; another company's order is simply not there. */
	StoredOrder claimable(UUID orderId, Caller caller) {
		StoredOrder order = this.orders.find(orderId).orElse(null);
		if (order != null) {
			Set<UUID> sites = new HashSet<>();
			this.orders.lines(orderId).forEach(line -> sites.add(line.siteId()));
			if (caller.isBuyerOf(order.customerId()) || sites.stream().anyMatch(caller::receivesAt)) {
				return order;
			}
		}
		throw ApiProblem.notFound("Order " + orderId + " does not exist.");
	}

	/** @return the claim, and whether this call filed it (false: a retry with the same Idempotency-Key) */
	@Transactional
	Filed file(UUID orderId, Caller caller, String idempotencyKey, FileClaimRequest request) {
		String hash = hash(orderId, request);
		var earlier = this.claims.findFiled(caller.subject(), idempotencyKey);
		if (earlier.isPresent()) {
			return replay(earlier.get(), hash);
		}
		StoredOrder order = this.orders.lock(orderId).orElseThrow();
		Map<Integer, StoredLine> lines = new HashMap<>();
		this.orders.lines(orderId).forEach(line -> lines.put(line.lineNo(), line));
		List<ShipmentView> delivered = this.shipments.ofOrder(orderId)
			.stream()
			.filter(s -> "DELIVERED".equals(s.status()))
			.toList();
		ShipmentView shipment = null;
		if (request.shipmentId() != null) {
			ShipmentView named = this.shipments.find(request.shipmentId())
				.filter(s -> orderId.equals(s.orderId()))
				.orElseThrow(() -> ApiProblem.invalid("shipmentId", FieldProblem.INVALID_VALUE,
						"Order " + order.orderNumber() + " has no shipment " + request.shipmentId()));
			if (!"DELIVERED".equals(named.status())) {
				throw ApiProblem.conflict("not-delivered", "Not delivered yet", "Shipment " + named.trackingNumber()
						+ " has not been delivered; goods can be claimed once they have arrived.");
			}
			shipment = named;
		}
		List<ShipmentView> basis = (shipment != null) ? List.of(shipment) : delivered;
		if (basis.isEmpty()) {
			throw ApiProblem.conflict("not-delivered", "Not delivered yet", "Nothing of order " + order.orderNumber()
					+ " has been delivered yet; goods can be claimed once they have arrived.");
		}
		Instant now = this.clock.instant();
		Instant lastDelivery = basis.stream()
			.map(ShipmentView::deliveredAt)
			.filter(at -> at != null)
			.max(Instant::compareTo)
			.orElse(now);
		if (lastDelivery.plus(this.properties.fileWithin()).isBefore(now)) {
			throw ApiProblem.conflict("claim-period-over", "Too late to claim", "Goods can be claimed within "
					+ this.properties.fileWithin().toDays() + " days of their delivery.");
		}
		Map<Integer, Integer> arrived = arrivedOf(delivered);
		Map<Integer, Integer> inShipment = (shipment != null) ? arrivedOf(List.of(shipment)) : arrived;
		Map<Integer, Integer> claimed = this.claims.claimedQuantities(orderId);
		List<FieldProblem> problems = new ArrayList<>();
		List<Claim.Line> claimedLines = new ArrayList<>();
		Set<Integer> named = new HashSet<>();
		for (int i = 0; i < request.lines().size(); i++) {
			FileClaimRequest.ClaimedQuantity wanted = request.lines().get(i);
			String field = "lines[" + i + "]";
			StoredLine line = lines.get(wanted.lineNo());
			if (line == null || (!caller.isBuyerOf(order.customerId()) && !caller.receivesAt(line.siteId()))) {
				problems.add(FieldProblem.field(field + ".lineNo", "UNKNOWN_LINE",
						"Order " + order.orderNumber() + " has no line " + wanted.lineNo() + " you received"));
				continue;
			}
			if (!named.add(wanted.lineNo())) {
				problems.add(FieldProblem.field(field + ".lineNo", "DUPLICATE_LINE",
						"Line " + wanted.lineNo() + " is named twice"));
				continue;
			}
			// Never more than arrived (in the shipment named), counting what other claims already name.
			int left = Math.min(inShipment.getOrDefault(wanted.lineNo(), 0),
					arrived.getOrDefault(wanted.lineNo(), 0) - claimed.getOrDefault(wanted.lineNo(), 0));
			if (wanted.quantity() > left) {
				problems.add(FieldProblem.field(field + ".quantity", FieldProblem.TOO_LARGE,
						(left <= 0) ? "Nothing of line " + wanted.lineNo() + " is left to claim"
								: "At most " + left + " of line " + wanted.lineNo() + " can be claimed"));
				continue;
			}
			claimedLines.add(new Claim.Line(line.lineNo(), line.sku(), line.name(), wanted.quantity()));
		}
		if (!problems.isEmpty()) {
			throw ApiProblem.invalid("The claim has " + problems.size() + " problem(s); nothing was filed.", problems);
		}
		UUID id = UUID.randomUUID();
		String number = this.claims.nextNumber();
		String description = request.description().strip();
		String carrier = (shipment != null) ? shipment.carrier() : null;
		this.claims.insert(id, number, orderId, order.customerId(), request.shipmentId(), carrier, request.reason(),
				description, claimedLines, caller.subject(), now, idempotencyKey, hash);
		this.timeline.record(Timeline.Entry.event(orderId, now, now, "ClaimFiled", "Claim " + number + " filed by "
				+ caller.subject() + ": " + words(request.reason()) + ", " + quantities(claimedLines),
				request.shipmentId(), null));
		this.outbox.publish(orderId, id, new ClaimFiled(id, number, orderId, order.orderNumber(), order.customerId(),
				request.shipmentId(), carrier, request.reason().name(), request.reason().against().name(),
				description, contract(claimedLines), caller.subject(), now));
		return new Filed(this.claims.find(id).orElseThrow(), true);
	}

	private static Map<Integer, Integer> arrivedOf(List<ShipmentView> shipments) {
		Map<Integer, Integer> arrived = new HashMap<>();
		shipments.forEach(s -> s.lines().forEach(l -> arrived.merge(l.lineNo(), l.quantity(), Integer::sum)));
		return arrived;
	}

	private Filed replay(Claims.Filed earlier, String hash) {
		if (!earlier.requestHash().equals(hash)) {
			throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
					"Idempotency key already used",
					"This Idempotency-Key was used for a different claim; use a new key for a new claim.", List.of());
		}
		return new Filed(this.claims.find(earlier.id()).orElseThrow(), false);
	}

	static List<ClaimedLine> contract(List<Claim.Line> lines) {
		return lines.stream().map(l -> new ClaimedLine(l.lineNo(), l.sku(), l.quantity())).toList();
	}

	static String words(ClaimReason reason) {
		return reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
	}

	static String quantities(List<Claim.Line> lines) {
		return String.join(", ", lines.stream().map(l -> l.quantity() + " × " + l.sku()).toList());
	}

	private String hash(UUID orderId, FileClaimRequest request) {
		return Sha256.hex(orderId.toString().getBytes(StandardCharsets.UTF_8), this.json.writeValueAsBytes(request));
	}

	record Filed(Claim claim, boolean created) {
	}
}

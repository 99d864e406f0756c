package org.leverans.order.claims;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.leverans.contracts.claim.ClaimAccepted;
import org.leverans.contracts.claim.ClaimRejected;
import org.leverans.contracts.order.DeliveryMode;
import org.leverans.messaging.Outbox;
import org.leverans.order.audit.AuditEntry;
import org.leverans.order.audit.AuditLog;
import org.leverans.order.core.Orders;
import org.leverans.order.core.StoredLine;
import org.leverans.order.core.StoredOrder;
import org.leverans.order.core.Timeline;
import org.leverans.order.placement.OnBehalf;
import org.leverans.order.placement.OrderPlacement;
import org.leverans.order.placement.PlaceOrderRequest;
import org.leverans.order.placement.PlacedOrder;
import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer service accepts or rejects a claim. An acceptance credits the claimed goods (billing-service issues the
 * credit note from the event); with a replacement, the goods are also ordered again for the customer, under their
 * agreement and prices, in the same transaction as the decision, so a decision never exists without its order or the
 * other way round. Deciding again the same way answers the same claim; deciding otherwise is a conflict.
 */
@Service
class ClaimDecisions {

	private final Claims claims;

	private final Orders orders;

	private final OrderPlacement placement;

	private final Timeline timeline;

	private final AuditLog audit;

	private final Outbox outbox;

	private final Clock clock;

	ClaimDecisions(Claims claims, Orders orders, OrderPlacement placement, Timeline timeline, AuditLog audit,
			Outbox outbox, Clock clock) {
		this.claims = claims;
		this.orders = orders;
		this.placement = placement;
		this.timeline = timeline;
		this.audit = audit;
		this.outbox = outbox;
		this.clock = clock;
	}

	Claim find(UUID claimId) {
		return this.claims.find(claimId).orElseThrow(() -> ApiProblem.notFound("Claim " + claimId + " does not exist."));
	}

	@Transactional
	Claim decide(UUID claimId, Caller agent, String bearerToken, ClaimDecision decision) {
		Claim claim = this.claims.lock(claimId)
			.orElseThrow(() -> ApiProblem.notFound("Claim " + claimId + " does not exist."));
		if (!claim.isOpen()) {
			if (sameDecision(claim, decision)) {
				return claim;
			}
			throw ApiProblem.conflict("claim-decided", "Claim already decided", "Claim " + claim.number() + " was "
					+ claim.status().name().toLowerCase(java.util.Locale.ROOT) + " by " + claim.decidedBy() + ".");
		}
		Instant now = this.clock.instant();
		String note = (decision.note() != null && !decision.note().isBlank()) ? decision.note().strip() : null;
		StoredOrder order = this.orders.find(claim.orderId()).orElseThrow();
		String summary;
		if (decision.outcome() == ClaimDecision.Outcome.REJECT) {
			this.claims.decide(claimId, Claim.Status.REJECTED, null, note, null, null, agent.subject(), now);
			summary = "Claim " + claim.number() + " rejected by " + agent.subject() + ": " + note;
			this.outbox.publish(claim.orderId(), claimId, new ClaimRejected(claimId, claim.number(), claim.orderId(),
					claim.orderNumber(), claim.customerId(), note, agent.subject(), now));
		}
		else {
			PlacedOrder replacement = (decision.remedy() == Claim.Remedy.REPLACEMENT)
					? replace(claim, order, agent, bearerToken, decision.replacementDelivery()) : null;
			UUID replacementId = (replacement != null) ? replacement.id() : null;
			String replacementNumber = (replacement != null) ? replacement.orderNumber() : null;
			this.claims.decide(claimId, Claim.Status.ACCEPTED, decision.remedy(), note, replacementId,
					replacementNumber, agent.subject(), now);
			summary = "Claim " + claim.number() + " accepted by " + agent.subject() + ": the goods are credited"
					+ ((replacement != null) ? " and sent again on order " + replacementNumber : "");
			this.outbox.publish(claim.orderId(), claimId, new ClaimAccepted(claimId, claim.number(), claim.orderId(),
					claim.orderNumber(), claim.customerId(), claim.shipmentId(), decision.remedy().name(),
					ClaimFiling.contract(claim.lines()), replacementId, replacementNumber, note, agent.subject(), now));
		}
		this.timeline.record(Timeline.Entry.event(claim.orderId(), now, now,
				(decision.outcome() == ClaimDecision.Outcome.REJECT) ? "ClaimRejected" : "ClaimAccepted", summary,
				claim.shipmentId(), null));
		this.audit.record(new AuditEntry(null, now, agent.subject(), AuditEntry.CLAIM_DECIDED, claim.customerId(),
				order.customerName(), claim.orderId(), summary));
		return this.claims.find(claimId).orElseThrow();
	}

	/** The claimed goods ordered again for the customer; a retried decision finds the same order by its key. */
	private PlacedOrder replace(Claim claim, StoredOrder order, Caller agent, String bearerToken,
			PlaceOrderRequest.Slot delivery) {
		Map<Integer, StoredLine> lines = new HashMap<>();
		this.orders.lines(order.id()).forEach(line -> lines.put(line.lineNo(), line));
		List<PlaceOrderRequest.Line> again = claim.lines().stream().map(claimed -> {
			StoredLine line = lines.get(claimed.lineNo());
			return new PlaceOrderRequest.Line(line.sku(), claimed.quantity(), line.packageSize(), line.siteId());
		}).toList();
		PlaceOrderRequest request = new PlaceOrderRequest(order.purchaseOrderNumber(), DeliveryMode.COMPLETE, delivery,
				again, "Replacement for claim " + claim.number() + " on order " + order.orderNumber());
		OnBehalf customer = new OnBehalf(order.customerId(), order.customerName());
		return this.placement
			.placeOnBehalf(agent, customer, bearerToken, "claim-" + claim.id(), request, order.id())
			.order();
	}

	private static boolean sameDecision(Claim claim, ClaimDecision decision) {
		Claim.Status wanted = (decision.outcome() == ClaimDecision.Outcome.ACCEPT) ? Claim.Status.ACCEPTED
				: Claim.Status.REJECTED;
		return claim.status() == wanted
				&& (wanted == Claim.Status.REJECTED || Objects.equals(claim.remedy(), decision.remedy()));
	}
}

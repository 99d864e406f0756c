package org.leverans.order.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.Reason;
import org.leverans.contracts.credit.CreditDeclined;
import org.leverans.contracts.credit.CreditReleased;
import org.leverans.contracts.credit.CreditReserved;
import org.leverans.contracts.credit.CreditReviewRequired;
import org.leverans.contracts.validation.OrderApprovalRejected;
import org.leverans.contracts.validation.OrderApprovalRequired;
import org.leverans.contracts.validation.OrderApproved;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.contracts.validation.OrderValidationFailed;
import org.leverans.messaging.EventMetadata;
import org.leverans.order.core.OrderApproval;
import org.leverans.order.core.OrderStatus;
import org.leverans.order.core.Orders;
import org.leverans.order.core.Outcome;
import org.leverans.order.core.Outcome.Kind;
import org.leverans.order.core.StoredOrder;
import org.leverans.order.core.Timeline;
import org.leverans.order.core.Transition;

import org.springframework.stereotype.Service;

/**
 * Applies agreement-service's decisions (validation and, for an order above a spending limit, the agreement
 * manager's approval) and credit-service's decisions to orders. Runs inside the inbox transaction, so the
 * recorded decision, the new status, the timeline and the outgoing event commit together with the event's id.
 */
@Service
public class OrderDecisions {

	private final Orders orders;

	private final DecidingOrders deciding;

	private final Timeline timeline;

	private final StatusAnnouncements announcements;

	private final Clock clock;

	OrderDecisions(Orders orders, DecidingOrders deciding, Timeline timeline, StatusAnnouncements announcements,
			Clock clock) {
		this.orders = orders;
		this.deciding = deciding;
		this.timeline = timeline;
		this.announcements = announcements;
		this.clock = clock;
	}

	/** Locks the orders a poll batch decides about at once: see {@link DecidingOrders}. */
	public void prepare(List<EventMetadata> events) {
		this.deciding.lockAll(events);
	}

	public void validated(OrderValidated event, EventMetadata meta) {
		String total = (event.totals() != null) ? " total " + event.totals().total() + " " + event.totals().currency()
				: "";
		decide(event.orderId(), Outcome.of(Kind.VALIDATED), "OrderValidated",
				"Validated against " + event.agreementNumber() + total, event.validatedAt(), meta,
				() -> this.orders.storePricing(event));
	}

	public void validationFailed(OrderValidationFailed event, EventMetadata meta) {
		decide(event.orderId(), Outcome.of(Kind.VALIDATION_FAILED, event.reasons()), "OrderValidationFailed",
				"Does not fit the agreement: " + StatusAnnouncements.describe(event.reasons()), event.validatedAt(),
				meta, () -> {
				});
	}

	public void approvalRequired(OrderApprovalRequired event, EventMetadata meta) {
		decide(event.orderId(), Outcome.of(Kind.APPROVAL_REQUIRED, event.reasons()), "OrderApprovalRequired",
				"Waits for approval by " + approvers(event) + ": " + StatusAnnouncements.describe(event.reasons()),
				event.requestedAt(), meta,
				() -> this.orders.storeApproval(event.orderId(), new OrderApproval("PENDING", event.reasons(),
						(event.approvers() != null) ? event.approvers() : List.of(), event.totals(),
						event.requestedAt(), event.expiresAt(), null, null, null)));
	}

	public void approved(OrderApproved event, EventMetadata meta) {
		decide(event.orderId(), Outcome.of(Kind.APPROVED), "OrderApproved",
				"Approved by " + event.approvedBy() + ((event.note() != null) ? ": " + event.note() : ""),
				event.approvedAt(), meta, () -> decided(event.orderId(), "APPROVED", event.approvedBy(),
						event.approvedAt(), event.note()));
	}

	public void approvalRejected(OrderApprovalRejected event, EventMetadata meta) {
		boolean expired = event.rejectedBy() == null;
		String why = StatusAnnouncements.describe(event.reasons());
		decide(event.orderId(), Outcome.of(Kind.APPROVAL_REJECTED, event.reasons()), "OrderApprovalRejected",
				(expired ? "Approval expired: " : "Approval refused by " + event.rejectedBy() + ": ") + why,
				event.rejectedAt(), meta, () -> decided(event.orderId(), expired ? "EXPIRED" : "REJECTED",
						event.rejectedBy(), event.rejectedAt(), messages(event.reasons())));
	}

	public void creditReserved(CreditReserved event, EventMetadata meta) {
		decide(event.orderId(), Outcome.of(Kind.CREDIT_RESERVED), "CreditReserved",
				"Credit reserved: " + event.amount() + " " + event.currency() + " by " + event.decidedBy(),
				event.decidedAt(), meta, () -> {
				});
	}

	public void creditDeclined(CreditDeclined event, EventMetadata meta) {
		decide(event.orderId(), Outcome.of(Kind.CREDIT_DECLINED, event.reasons()), "CreditDeclined",
				"Credit declined: " + StatusAnnouncements.describe(event.reasons()), event.decidedAt(), meta, () -> {
				});
	}

	public void creditReviewRequired(CreditReviewRequired event, EventMetadata meta) {
		decide(event.orderId(), Outcome.of(Kind.CREDIT_REVIEW_REQUIRED, event.reasons()), "CreditReviewRequired",
				"Credit review required: " + StatusAnnouncements.describe(event.reasons()), event.requestedAt(), meta,
				() -> {
				});
	}

	/** A release follows our own cancellation or rejection; support sees it in the timeline, nothing else moves. */
	public void creditReleased(CreditReleased event, EventMetadata meta) {
		UUID orderId = event.orderId();
		this.deciding.lock(orderId);
		this.timeline.record(Timeline.Entry.event(orderId, this.clock.instant(), event.releasedAt(), "CreditReleased",
				"Credit released: " + event.amount() + " " + event.currency()
						+ ((event.reason() != null) ? " (" + event.reason() + ")" : ""),
				null, meta.id()));
	}

	private void decided(UUID orderId, String status, String by, Instant at, String note) {
		OrderApproval approval = this.deciding.lock(orderId).approval();
		if (approval != null) {
			this.orders.storeApproval(orderId, approval.decided(status, by, at, note));
		}
	}

	private static String approvers(OrderApprovalRequired event) {
		return (event.approvers() == null || event.approvers().isEmpty()) ? "an agreement manager"
				: String.join(" or ", event.approvers());
	}

	private static String messages(List<Reason> reasons) {
		return (reasons == null) ? null
				: String.join("; ", reasons.stream().map(r -> (r.message() != null) ? r.message() : r.code()).toList());
	}

	private void decide(UUID orderId, Outcome outcome, String type, String summary, Instant occurredAt,
			EventMetadata meta, Runnable storeDetails) {
		StoredOrder order = this.deciding.lock(orderId);
		Instant now = this.clock.instant();
		Transition transition = order.progress().apply(outcome);
		String recorded = transition.ignored()
				? summary + " (no effect: order is " + order.progress().status() + ")" : summary;
		this.timeline.record(Timeline.Entry.event(orderId, now, occurredAt, type, recorded, null, meta.id()));
		if (transition.ignored()) {
			return;
		}
		storeDetails.run();
		List<Reason> reasons = transition.changedStatus() ? transition.reasons() : order.statusReasons();
		StoredOrder decided = this.deciding.storeProgress(orderId, transition.after(), reasons, now);
		for (OrderStatus status : transition.path()) {
			this.announcements.announce(decided, status, (status == transition.after().status()) ? reasons : List.of(),
					now);
		}
	}
}

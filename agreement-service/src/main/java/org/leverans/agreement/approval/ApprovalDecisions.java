package org.leverans.agreement.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.Reason;
import org.leverans.contracts.validation.OrderApprovalRejected;
import org.leverans.contracts.validation.OrderApproved;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.messaging.Outbox;
import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes approvals: an agreement manager's decision, the expiry of one nobody answered, and the withdrawal of one
 * whose order was cancelled. Each locks the approval row first, so whichever comes first decides and the others
 * find it closed. An approved order counts against its budgets from then on, even beyond them: a person chose so.
 */
@Service
public class ApprovalDecisions {

	public static final String APPROVAL_REJECTED = "APPROVAL_REJECTED";

	public static final String APPROVAL_EXPIRED = "APPROVAL_EXPIRED";

	private static final Logger logger = LoggerFactory.getLogger(ApprovalDecisions.class);

	private final Approvals approvals;

	private final SpendingLimits limits;

	private final Outbox outbox;

	private final ApprovalProperties properties;

	private final Clock clock;

	private final Approvers approvers;

	ApprovalDecisions(Approvals approvals, SpendingLimits limits, Outbox outbox, ApprovalProperties properties,
			Clock clock, Approvers approvers) {
		this.approvers = approvers;
		this.approvals = approvals;
		this.limits = limits;
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @throws ApiProblem 404 for an order of another customer (or none), 403 for a person who does not manage the
	 * order's agreement, 409 when it is no longer waiting
	 */
	@Transactional
	public Approval decide(UUID orderId, Caller caller, ApprovalDecision decision, String reason) {
		Approval approval = this.approvals.lock(orderId)
			.filter(found -> found.customerId().equals(caller.customerId()))
			.orElseThrow(() -> ApiProblem.notFound("No order " + orderId + " waits for your approval."));
		if (!this.approvers.include(approval.agreementId(), caller.subject())) {
			throw ApiProblem.forbidden("Order " + approval.orderNumber()
					+ " is decided by the managers of its agreement, and you are not one of them.");
		}
		if (approval.status() != Approval.Status.PENDING) {
			throw ApiProblem.conflict("approval-closed", "Approval already closed",
					"Order " + approval.orderNumber() + " is no longer waiting for approval: it was "
							+ approval.status().name().toLowerCase() + ((approval.decidedBy() != null)
									? " by " + approval.decidedBy() : "") + ".");
		}
		Instant now = this.clock.instant();
		String note = (reason != null && !reason.isBlank()) ? reason.strip() : null;
		if (decision == ApprovalDecision.APPROVE) {
			approve(approval, caller.subject(), note, now);
		}
		else {
			reject(approval, caller.subject(), List.of(Reason.of(APPROVAL_REJECTED,
					"Rejected by " + caller.subject() + ": " + note)), note, Approval.Status.REJECTED, now);
		}
		return this.approvals.find(orderId).orElseThrow();
	}

	/**
	 * Rejects the approvals nobody answered in time, a batch at a time.
	 * @return how many expired
	 */
	@Transactional
	public int expireDue(Instant now) {
		List<Approval> due = this.approvals.lockDue(now, 100);
		for (Approval approval : due) {
			reject(approval, null, List.of(Reason.of(APPROVAL_EXPIRED, "No agreement manager approved the order within "
					+ this.properties.expireAfter().toHours() + " hours")), null, Approval.Status.EXPIRED, now);
			logger.info("Approval of order {} expired", approval.orderNumber());
		}
		return due.size();
	}

	/**
	 * The order was cancelled or rejected: whatever it spent no longer counts, and if it was waiting, nobody
	 * needs to approve it any more. Runs in the inbox transaction of the order event.
	 */
	public void orderEnded(UUID orderId) {
		Instant now = this.clock.instant();
		this.limits.release(orderId, now);
		this.approvals.lock(orderId)
			.filter(approval -> approval.status() == Approval.Status.PENDING)
			.ifPresent(approval -> this.approvals.close(orderId, Approval.Status.WITHDRAWN, null, now, null));
	}

	private void approve(Approval approval, String by, String note, Instant now) {
		this.approvals.close(approval.orderId(), Approval.Status.APPROVED, by, now, note);
		OrderValidated priced = approval.validated();
		List<OrderSpend> spends = OrderSpend.of(approval.placedBy(), priced);
		// Under the limits' locks like the gate, so an order checked at the same moment sees this one's spend.
		this.limits.lock(approval.agreementId(), spends.stream().map(OrderSpend::who).toList());
		this.limits.record(approval.orderId(), approval.agreementId(), approval.month(), spends, now);
		this.outbox.publish(approval.orderId(), approval.orderId(), new OrderApproved(approval.orderId(),
				approval.orderNumber(), approval.customerId(), by, note, now));
		// Validated now, at the prices of the day it was placed.
		this.outbox.publish(approval.orderId(), approval.orderId(), new OrderValidated(priced.orderId(),
				priced.customerId(), priced.agreementId(), priced.agreementNumber(), priced.agreementVersion(),
				priced.lines(), priced.sites(), priced.totals(), priced.paymentTerms(), priced.freightTermsCode(),
				priced.splitDeliveryAllowed(), now, priced.orderNumber(), priced.customerName(),
				priced.invoicingRule()));
	}

	private void reject(Approval approval, String by, List<Reason> reasons, String note, Approval.Status status,
			Instant now) {
		this.approvals.close(approval.orderId(), status, by, now, note);
		this.outbox.publish(approval.orderId(), approval.orderId(), new OrderApprovalRejected(approval.orderId(),
				approval.orderNumber(), approval.customerId(), by, reasons, now));
	}
}

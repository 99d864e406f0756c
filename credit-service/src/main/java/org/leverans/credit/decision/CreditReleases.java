package org.leverans.credit.decision;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.leverans.contracts.order.OrderCancelled;
import org.leverans.contracts.order.OrderRejected;
import org.leverans.credit.account.CreditAccount;
import org.leverans.credit.account.CreditAccounts;
import org.leverans.credit.account.Reservation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Gives credit back when an order ends without being invoiced: cancelled, or rejected. */
@Service
public class CreditReleases {

	private final CreditAccounts accounts;

	private final CreditReviews reviews;

	private final CreditOutcomes outcomes;

	private final ClosedOrders closedOrders;

	private final Clock clock;

	CreditReleases(CreditAccounts accounts, CreditReviews reviews, CreditOutcomes outcomes, ClosedOrders closedOrders,
			Clock clock) {
		this.accounts = accounts;
		this.reviews = reviews;
		this.outcomes = outcomes;
		this.closedOrders = closedOrders;
		this.clock = clock;
	}

	@Transactional
	public void cancelled(OrderCancelled event) {
		close(event.orderId(), event.customerId(), "ORDER_CANCELLED", event.cancelledBy());
	}

	@Transactional
	public void rejected(OrderRejected event) {
		close(event.orderId(), event.customerId(), "ORDER_REJECTED", CreditAssessment.SYSTEM);
	}

	private void close(UUID orderId, UUID eventCustomerId, String reason, String by) {
		Instant now = this.clock.instant();
		UUID customerId = (eventCustomerId != null) ? eventCustomerId
				: this.accounts.reservation(orderId).map(Reservation::customerId).orElse(null);
		// Same lock as an assessment of this order: whichever comes second sees what the first did.
		CreditAccount account = (customerId != null) ? this.accounts.lock(customerId).orElse(null) : null;
		this.closedOrders.close(orderId, reason, now);
		if (account == null) {
			return;
		}
		this.outcomes.release(account, orderId, reason);
		this.reviews.findOpenForOrder(orderId).ifPresent(review -> {
			this.reviews.close(review.id(), CreditReview.Status.WITHDRAWN, (by != null) ? by : CreditAssessment.SYSTEM,
					now);
			this.reviews.recordAction(review.id(), new CreditReview.Action("WITHDRAW", reason, "WITHDRAWN",
					(by != null) ? by : CreditAssessment.SYSTEM, now));
		});
	}
}

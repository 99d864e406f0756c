package org.leverans.credit.decision;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.leverans.contracts.Money;
import org.leverans.contracts.Reason;
import org.leverans.contracts.credit.CreditDeclined;
import org.leverans.contracts.credit.CreditReleased;
import org.leverans.contracts.credit.CreditReserved;
import org.leverans.contracts.credit.CreditReviewRequired;
import org.leverans.credit.account.CreditAccount;
import org.leverans.credit.account.CreditAccounts;
import org.leverans.credit.account.ReleasedReservation;
import org.leverans.messaging.Outbox;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out a credit decision: the state change and its event commit together. Callers hold the account row lock
 * (see {@link CreditAccounts#lock}) so exposure cannot change underneath them.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class CreditOutcomes {

	private final CreditAccounts accounts;

	private final CreditReviews reviews;

	private final DecisionLog decisions;

	private final Outbox outbox;

	private final Clock clock;

	CreditOutcomes(CreditAccounts accounts, CreditReviews reviews, DecisionLog decisions, Outbox outbox, Clock clock) {
		this.accounts = accounts;
		this.reviews = reviews;
		this.decisions = decisions;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** @return {@code false} if the order already had a reservation (nothing changes then) */
	public boolean reserve(CreditAccount account, UUID orderId, BigDecimal amount, String rating, String decidedBy) {
		Instant now = this.clock.instant();
		Optional<BigDecimal> reserved = this.accounts.reserve(orderId, account.customerId(), amount,
				account.currency(), decidedBy, now);
		if (reserved.isEmpty()) {
			return false;
		}
		BigDecimal exposure = reserved.get();
		this.decisions.record(orderId, account.customerId(), DecisionLog.Outcome.RESERVED, amount, account.currency(),
				List.of(), rating, decidedBy, now);
		this.outbox.publish(orderId, orderId, new CreditReserved(orderId, account.customerId(), amount,
				account.currency(), exposure, Money.cents(account.limit().subtract(exposure)), decidedBy, now));
		return true;
	}

	public void decline(UUID customerId, UUID orderId, BigDecimal amount, String currency, List<Reason> reasons,
			String rating, String decidedBy) {
		Instant now = this.clock.instant();
		this.decisions.record(orderId, customerId, DecisionLog.Outcome.DECLINED, amount, currency, reasons, rating,
				decidedBy, now);
		this.outbox.publish(orderId, orderId,
				new CreditDeclined(orderId, customerId, amount, currency, reasons, decidedBy, now));
	}

	public UUID holdForReview(CreditAccount account, UUID orderId, String orderNumber, BigDecimal amount,
			String currency, List<Reason> reasons, String rating, String decidedBy) {
		Instant now = this.clock.instant();
		UUID reviewId = UUID.randomUUID();
		this.reviews.open(new CreditReview(reviewId, orderId, orderNumber, account.customerId(), amount, currency, reasons,
				CreditReview.Status.OPEN, now, null, null));
		this.decisions.record(orderId, account.customerId(), DecisionLog.Outcome.REVIEW_REQUIRED, amount, currency,
				reasons, rating, decidedBy, now);
		this.outbox.publish(orderId, orderId,
				new CreditReviewRequired(orderId, account.customerId(), reviewId, amount, currency, reasons, now));
		return reviewId;
	}

	/** @return {@code false} if there was no open reservation */
	public boolean release(CreditAccount account, UUID orderId, String reason) {
		Instant now = this.clock.instant();
		Optional<ReleasedReservation> released = this.accounts.release(orderId, reason, now);
		released.ifPresent(release -> this.outbox.publish(orderId, orderId, new CreditReleased(orderId,
				account.customerId(), release.amount(), release.currency(), reason, release.exposure(), now)));
		return released.isPresent();
	}
}

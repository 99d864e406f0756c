package org.leverans.credit.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.leverans.contracts.Reason;
import org.leverans.credit.account.CreditAccount;
import org.leverans.credit.account.CreditAccounts;
import org.leverans.credit.bureau.BureauRating;
import org.leverans.credit.bureau.CreditBureau;
import org.leverans.credit.decision.Assessment;
import org.leverans.credit.decision.CreditCheck;
import org.leverans.credit.decision.CreditOutcomes;
import org.leverans.credit.decision.CreditPolicy;
import org.leverans.credit.decision.CreditReview;
import org.leverans.credit.decision.CreditReview.Status;
import org.leverans.credit.decision.CreditReviews;
import org.leverans.credit.decision.CreditRulesProperties;
import org.leverans.credit.decision.ReasonCodes;
import org.leverans.web.problem.ApiProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Carries out customer service's decision on a held order and records who decided what, when and why. */
@Service
public class ReviewDecisions {

	/** What came of a decision. */
	public enum Outcome {

		RESERVED, DECLINED, STILL_IN_REVIEW

	}

	private final CreditReviews reviews;

	private final CreditAccounts accounts;

	private final CreditBureau bureau;

	private final CreditRulesProperties rules;

	private final CreditOutcomes outcomes;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ReviewDecisions(CreditReviews reviews, CreditAccounts accounts, CreditBureau bureau, CreditRulesProperties rules,
			CreditOutcomes outcomes, PlatformTransactionManager transactionManager, Clock clock) {
		this.reviews = reviews;
		this.accounts = accounts;
		this.bureau = bureau;
		this.rules = rules;
		this.outcomes = outcomes;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	public Outcome decide(UUID reviewId, ReviewDecision decision, String reason, String decidedBy) {
		CreditReview review = this.reviews.find(reviewId)
			.orElseThrow(() -> ApiProblem.notFound("No credit review " + reviewId));
		requireOpen(review);
		// A recheck asks the bureau afresh, before any row is locked.
		BureauRating rating = (decision == ReviewDecision.RECHECK) ? this.bureau.freshRating(
				this.accounts.find(review.customerId()).orElseThrow().businessId()) : null;
		return this.transactions.execute(status -> {
			CreditAccount account = this.accounts.lock(review.customerId()).orElseThrow();
			CreditReview current = this.reviews.lock(reviewId).orElseThrow();
			requireOpen(current);
			return switch (decision) {
				case RELEASE -> release(account, current, reason, decidedBy);
				case REJECT -> reject(current, reason, decidedBy);
				case RECHECK -> recheck(account, current, rating, reason, decidedBy);
			};
		});
	}

	private Outcome release(CreditAccount account, CreditReview review, String reason, String decidedBy) {
		this.outcomes.reserve(account, review.orderId(), review.amount(), null, decidedBy);
		return close(review, Status.APPROVED, ReviewDecision.RELEASE, reason, Outcome.RESERVED, decidedBy);
	}

	private Outcome reject(CreditReview review, String reason, String decidedBy) {
		List<Reason> reasons = new ArrayList<>(review.reasons());
		reasons.add(Reason.of(ReasonCodes.REJECTED_IN_REVIEW, reason));
		this.outcomes.decline(review.customerId(), review.orderId(), review.amount(), review.currency(), reasons, null,
				decidedBy);
		return close(review, Status.DECLINED, ReviewDecision.REJECT, reason, Outcome.DECLINED, decidedBy);
	}

	private Outcome recheck(CreditAccount account, CreditReview review, BureauRating rating, String reason,
			String decidedBy) {
		Assessment assessment = CreditPolicy.assess(new CreditCheck(account, account.exposure(), review.amount(),
				review.currency(), rating, LocalDate.now(this.clock)), this.rules.forCustomer(account.customerId()));
		String ratingCode = (rating instanceof BureauRating.Rated rated) ? rated.rating() : null;
		return switch (assessment.verdict()) {
			case APPROVE -> {
				this.outcomes.reserve(account, review.orderId(), review.amount(), ratingCode, decidedBy);
				yield close(review, Status.APPROVED, ReviewDecision.RECHECK, reason, Outcome.RESERVED, decidedBy);
			}
			case DECLINE -> {
				this.outcomes.decline(review.customerId(), review.orderId(), review.amount(), review.currency(),
						assessment.reasons(), ratingCode, decidedBy);
				yield close(review, Status.DECLINED, ReviewDecision.RECHECK, reason, Outcome.DECLINED, decidedBy);
			}
			case REVIEW -> {
				this.reviews.updateReasons(review.id(), assessment.reasons());
				this.reviews.recordAction(review.id(), new CreditReview.Action(ReviewDecision.RECHECK.name(), reason,
						Outcome.STILL_IN_REVIEW.name(), decidedBy, this.clock.instant()));
				yield Outcome.STILL_IN_REVIEW;
			}
		};
	}

	private Outcome close(CreditReview review, Status status, ReviewDecision decision, String reason, Outcome outcome,
			String decidedBy) {
		Instant now = this.clock.instant();
		this.reviews.close(review.id(), status, decidedBy, now);
		this.reviews.recordAction(review.id(),
				new CreditReview.Action(decision.name(), reason, outcome.name(), decidedBy, now));
		return outcome;
	}

	private static void requireOpen(CreditReview review) {
		if (review.status() != Status.OPEN) {
			throw ApiProblem.conflict("credit-review-closed", "Credit review is not open",
					"Credit review " + review.id() + " is " + review.status() + " and takes no more decisions");
		}
	}
}

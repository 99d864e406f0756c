package org.leverans.credit.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.leverans.contracts.Money;
import org.leverans.contracts.Reason;
import org.leverans.credit.account.CreditAccount;
import org.leverans.credit.account.CreditAccounts;
import org.leverans.credit.decision.CreditReview;
import org.leverans.credit.decision.CreditReview.Status;
import org.leverans.credit.decision.CreditReviews;
import org.leverans.web.caller.Caller;
import org.leverans.web.input.MultilineText;
import org.leverans.web.problem.ApiProblem;
import org.leverans.web.problem.FieldProblem;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The credit review queue for customer service (and admins). */
@RestController
@RequestMapping("/api/support/credit-reviews")
class CreditReviewController {

	private final CreditReviews reviews;

	private final CreditAccounts accounts;

	private final ReviewDecisions decisions;

	CreditReviewController(CreditReviews reviews, CreditAccounts accounts, ReviewDecisions decisions) {
		this.reviews = reviews;
		this.accounts = accounts;
		this.decisions = decisions;
	}

	/** Held orders, oldest first; {@code status} is a comma-separated list of review statuses or ALL. */
	@GetMapping
	ReviewQueue queue(@RequestParam(defaultValue = "OPEN") String status) {
		List<Status> statuses = statuses(status);
		Map<UUID, Optional<CreditAccount>> accountsById = new HashMap<>();
		List<ReviewView> items = new ArrayList<>();
		for (CreditReview review : this.reviews.withStatus(statuses)) {
			Optional<CreditAccount> account = accountsById.computeIfAbsent(review.customerId(), this.accounts::find);
			items.add(ReviewView.of(review, account.orElse(null), null));
		}
		return new ReviewQueue(items, items.size());
	}

	@GetMapping("/{id}")
	ReviewView review(@PathVariable UUID id) {
		CreditReview review = this.reviews.find(id).orElseThrow(() -> ApiProblem.notFound("No credit review " + id));
		return view(review);
	}

	@PostMapping("/{id}/decision")
	ReviewView decide(@PathVariable UUID id, @Valid @RequestBody DecisionRequest request,
			Caller caller) {
		ReviewDecisions.Outcome outcome = this.decisions.decide(id, request.decision(), request.reason(),
				caller.subject());
		CreditReview review = this.reviews.find(id).orElseThrow();
		return view(review).withOutcome(outcome.name());
	}

	private ReviewView view(CreditReview review) {
		CreditAccount account = this.accounts.find(review.customerId()).orElse(null);
		return ReviewView.of(review, account, this.reviews.actions(review.id()));
	}

	private static List<Status> statuses(String value) {
		if ("ALL".equalsIgnoreCase(value.trim())) {
			return List.of(Status.values());
		}
		Set<Status> statuses = new LinkedHashSet<>();
		for (String name : value.split(",")) {
			try {
				statuses.add(Status.valueOf(name.trim().toUpperCase()));
			}
			catch (IllegalArgumentException ex) {
				throw ApiProblem.invalid("Unknown review status '" + name.trim()
						+ "'; use OPEN, APPROVED, DECLINED, WITHDRAWN or ALL",
						List.of(FieldProblem.field("status", FieldProblem.INVALID_VALUE, "is not a review status")));
			}
		}
		return List.copyOf(statuses);
	}

	/** A decision; {@code reason} is what the person writes down, required when rejecting. */
	record DecisionRequest(@NotNull ReviewDecision decision, @MultilineText @Size(max = 500) String reason) {

		@AssertTrue(message = "is required when rejecting")
		boolean isReason() {
			return this.decision != ReviewDecision.REJECT || (this.reason != null && !this.reason.isBlank());
		}
	}

	record ReviewQueue(List<ReviewView> items, int total) {
	}

	/**
	 * A held order with what customer service needs to decide: why it is held, its total, and the customer's credit
	 * now. {@code outcome} is set in the answer to a decision.
	 */
	record ReviewView(UUID id, UUID orderId, String orderNumber, UUID customerId, String businessId,
			String companyName, String status, List<Reason> reasons, String orderTotal, String currency, String limit,
			String exposure, String available, String accountCurrency, boolean accountBlocked, Instant requestedAt, String closedBy,
			Instant closedAt, List<CreditReview.Action> decisions, String outcome) {

		static ReviewView of(CreditReview review, CreditAccount account, List<CreditReview.Action> decisions) {
			return new ReviewView(review.id(), review.orderId(), review.orderNumber(), review.customerId(),
					(account != null) ? account.businessId() : null, (account != null) ? account.companyName() : null,
					review.status().name(), review.reasons(), Money.text(review.amount()), review.currency(),
					(account != null) ? Money.text(account.limit()) : null,
					Money.text((account != null) ? account.exposure() : BigDecimal.ZERO),
					(account != null) ? Money.text(account.available()) : null,
					(account != null) ? account.currency() : null, account != null && account.blocked(),
					review.requestedAt(), review.closedBy(), review.closedAt(), decisions, null);
		}

		ReviewView withOutcome(String outcome) {
			return new ReviewView(this.id, this.orderId, this.orderNumber, this.customerId, this.businessId, this.companyName,
					this.status, this.reasons, this.orderTotal, this.currency, this.limit, this.exposure,
					this.available, this.accountCurrency, this.accountBlocked, this.requestedAt, this.closedBy,
					this.closedAt, this.decisions, outcome);
		}
	}
}

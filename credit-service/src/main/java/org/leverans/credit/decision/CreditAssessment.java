package org.leverans.credit.decision;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.leverans.contracts.Money;
import org.leverans.contracts.Reason;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.credit.account.CreditAccount;
import org.leverans.credit.account.CreditAccounts;
import org.leverans.credit.account.Receivables;
import org.leverans.credit.bureau.BureauRating;
import org.leverans.credit.bureau.CreditBureau;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Decides a validated order's credit: reserve its total, decline it, or hold it for review. */
@Service
public class CreditAssessment {

	/** Who automatic decisions are recorded as made by. */
	public static final String SYSTEM = "credit-service";

	private static final Logger logger = LoggerFactory.getLogger(CreditAssessment.class);

	private final CreditAccounts accounts;

	private final CreditBureau bureau;

	private final CreditRulesProperties rules;

	private final CreditOutcomes outcomes;

	private final DecisionLog decisions;

	private final ClosedOrders closedOrders;

	private final Receivables receivables;

	private final ReceivableProperties receivableRules;

	private final Clock clock;

	CreditAssessment(CreditAccounts accounts, CreditBureau bureau, CreditRulesProperties rules,
			CreditOutcomes outcomes, DecisionLog decisions, ClosedOrders closedOrders, Receivables receivables,
			ReceivableProperties receivableRules, Clock clock) {
		this.accounts = accounts;
		this.bureau = bureau;
		this.rules = rules;
		this.outcomes = outcomes;
		this.decisions = decisions;
		this.closedOrders = closedOrders;
		this.receivables = receivables;
		this.receivableRules = receivableRules;
		this.clock = clock;
	}

	@Transactional
	public void assess(OrderValidated order) {
		UUID orderId = order.orderId();
		BigDecimal amount = Money.cents(order.totals().total());
		String currency = order.totals().currency();
		Optional<CreditAccount> known = this.accounts.find(order.customerId());
		if (known.isEmpty()) {
			if (!this.decisions.decided(orderId)) {
				this.outcomes.decline(order.customerId(), orderId, amount, currency,
						List.of(Reason.of(ReasonCodes.OVER_LIMIT, "The customer has no credit account")), null, SYSTEM);
			}
			return;
		}
		// Asked before the account row is locked: a slow bureau must not hold up the customer's other orders.
		BureauRating rating = this.bureau.rating(known.get().businessId());

		CreditAccount account = this.accounts.lock(order.customerId()).orElseThrow();
		if (this.closedOrders.closed(orderId)) {
			logger.info("Order {} was cancelled or rejected before its credit was assessed; nothing reserved", orderId);
			return;
		}
		if (this.decisions.decided(orderId)) {
			logger.debug("Order {} already has a credit decision; redelivery ignored", orderId);
			return;
		}
		LocalDate today = LocalDate.now(this.clock);
		LocalDate overdueSince = this.receivables
			.oldestUnpaidDueBefore(account.customerId(), today.minusDays(this.receivableRules.holdAfter().toDays()))
			.orElse(null);
		Assessment assessment = CreditPolicy.assess(
				new CreditCheck(account, account.exposure(), amount, currency, rating, today, overdueSince),
				this.rules.forCustomer(account.customerId()));
		String ratingCode = (rating instanceof BureauRating.Rated rated) ? rated.rating() : null;
		switch (assessment.verdict()) {
			case APPROVE -> this.outcomes.reserve(account, orderId, amount, ratingCode, SYSTEM);
			case REVIEW -> this.outcomes.holdForReview(account, orderId, order.orderNumber(), amount, currency,
					assessment.reasons(), ratingCode, SYSTEM);
			case DECLINE -> this.outcomes.decline(account.customerId(), orderId, amount, currency,
					assessment.reasons(), ratingCode, SYSTEM);
		}
	}
}

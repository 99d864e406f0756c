package org.leverans.agreement.approval;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.leverans.agreement.approval.SpendingLimit.Budgeted;
import org.leverans.contracts.Money;
import org.leverans.contracts.Reason;

/**
 * Whether an order stays within the spending limits it is under, and if not, why: every limit it goes over is
 * named, so the agreement manager sees the whole picture.
 */
public final class SpendingCheck {

	public static final String ORDER_LIMIT_EXCEEDED = "ORDER_LIMIT_EXCEEDED";

	public static final String MONTHLY_BUDGET_EXCEEDED = "MONTHLY_BUDGET_EXCEEDED";

	private SpendingCheck() {
	}

	/**
	 * @param spends what the order spends against each orderer and site
	 * @param limits the limits in force for those, by whom they are for (missing: no limit)
	 * @param spentBefore what each has spent in {@code month} before this order
	 * @param names how a person reads whom a limit is for ("anna", "Site Jätkäsaari")
	 * @return the reasons the order needs approval; empty when it is within every limit
	 */
	public static List<Reason> overLimits(List<OrderSpend> spends, Map<Budgeted, SpendingLimit> limits,
			Map<Budgeted, BigDecimal> spentBefore, YearMonth month, Function<Budgeted, String> names) {
		List<Reason> reasons = new ArrayList<>();
		for (OrderSpend spend : spends) {
			SpendingLimit limit = limits.get(spend.who());
			if (limit == null) {
				continue;
			}
			String whose = names.apply(spend.who());
			String currency = " " + limit.currency();
			String what = (spend.who().scope() == SpendingLimit.Scope.ORDERER) ? "The order total "
					: "The order's share for " + whose + " ";
			if (spend.amount().compareTo(limit.orderLimit()) > 0) {
				reasons.add(Reason.of(ORDER_LIMIT_EXCEEDED,
						what + Money.text(spend.amount()) + currency + " is above "
								+ ((spend.who().scope() == SpendingLimit.Scope.ORDERER) ? whose + "'s" : "its")
								+ " order limit of " + Money.text(limit.orderLimit()) + currency));
			}
			if (limit.hasBudget()) {
				BigDecimal after = spentBefore.getOrDefault(spend.who(), BigDecimal.ZERO).add(spend.amount());
				if (after.compareTo(limit.monthlyBudget()) > 0) {
					reasons.add(Reason.of(MONTHLY_BUDGET_EXCEEDED,
							"With this order " + whose + " would spend " + Money.text(after) + currency + " in "
									+ month + ", above the monthly budget of " + Money.text(limit.monthlyBudget())
									+ currency));
				}
			}
		}
		return List.copyOf(reasons);
	}
}

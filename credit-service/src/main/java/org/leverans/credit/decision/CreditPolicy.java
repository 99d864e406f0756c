package org.leverans.credit.decision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.leverans.contracts.Money;
import org.leverans.contracts.Reason;
import org.leverans.credit.account.CreditAccount;
import org.leverans.credit.bureau.BureauRating;
import org.leverans.credit.decision.Assessment.Verdict;
import org.leverans.credit.decision.CreditRules.Consequence;

/**
 * The credit rules. Every finding is either a reason to decline or a reason to hold the order for review; any reason
 * to decline wins, then any reason to review, otherwise the order is approved. All findings of the winning kind are
 * reported, so customer service sees the whole picture.
 */
public final class CreditPolicy {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private CreditPolicy() {
	}

	public static Assessment assess(CreditCheck check, CreditRules rules) {
		List<Reason> decline = new ArrayList<>();
		List<Reason> review = new ArrayList<>();
		CreditAccount account = check.account();

		if (account.blocked()) {
			decline.add(Reason.of(ReasonCodes.ACCOUNT_BLOCKED, "The credit account is blocked"
					+ ((account.blockedReason() != null) ? ": " + account.blockedReason() : "")));
		}
		if (account.limitExpiresOn() != null && account.limitExpiresOn().isBefore(check.today())) {
			decline.add(Reason.of(ReasonCodes.LIMIT_EXPIRED,
					"The credit limit expired on " + account.limitExpiresOn()));
		}
		if (check.overdueSince() != null) {
			review.add(Reason.of(ReasonCodes.OVERDUE_INVOICES,
					"An invoice due on " + check.overdueSince() + " is still unpaid"));
		}
		limit(check, rules, decline, review);
		rating(check, rules, decline, review);

		if (!decline.isEmpty()) {
			return new Assessment(Verdict.DECLINE, decline);
		}
		if (!review.isEmpty()) {
			return new Assessment(Verdict.REVIEW, review);
		}
		return new Assessment(Verdict.APPROVE, List.of());
	}

	private static void limit(CreditCheck check, CreditRules rules, List<Reason> decline, List<Reason> review) {
		CreditAccount account = check.account();
		if (!account.currency().equals(check.currency())) {
			review.add(Reason.of(ReasonCodes.CURRENCY_MISMATCH, "The order is in " + check.currency()
					+ " but the credit account is in " + account.currency()));
			return;
		}
		BigDecimal projected = Money.cents(check.exposure().add(check.amount()));
		if (projected.compareTo(account.limit()) <= 0) {
			return;
		}
		BigDecimal tolerance = account.limit()
			.multiply(rules.tolerancePercent())
			.divide(HUNDRED, 2, RoundingMode.HALF_EVEN);
		String message = "The order (" + Money.text(check.amount()) + " " + check.currency()
				+ ") takes exposure to " + Money.text(projected) + ", over the limit of "
				+ Money.text(account.limit()) + " by " + Money.text(projected.subtract(account.limit()));
		if (projected.compareTo(account.limit().add(tolerance)) <= 0) {
			review.add(Reason.of(ReasonCodes.OVER_LIMIT, message + " (within the tolerance of "
					+ Money.text(tolerance) + ")"));
		}
		else {
			decline.add(Reason.of(ReasonCodes.OVER_LIMIT, message));
		}
	}

	/**
	 * Settled defaults are history. An unsettled one counts in full when it is recent (or its date is unknown); an
	 * older one still needs a person to look at it.
	 */
	private static void paymentDefaults(BureauRating.Rated rated, CreditCheck check, CreditRules rules,
			List<Reason> decline, List<Reason> review) {
		LocalDate since = check.today().minus(rules.paymentDefaultLookback());
		List<BureauRating.PaymentDefault> unsettled = rated.paymentDefaults().stream().filter(d -> !d.settled()).toList();
		List<BureauRating.PaymentDefault> recent = unsettled.stream()
			.filter(d -> d.registeredOn() == null || !d.registeredOn().isBefore(since))
			.toList();
		if (!recent.isEmpty()) {
			Reason reason = Reason.of(ReasonCodes.PAYMENT_DEFAULT, "The bureau records " + recent.size()
					+ " unsettled payment default(s) since " + since + ": " + describe(recent));
			(rules.paymentDefaults() == Consequence.DECLINE ? decline : review).add(reason);
		}
		else if (!unsettled.isEmpty()) {
			review.add(Reason.of(ReasonCodes.PAYMENT_DEFAULT, "The bureau records " + unsettled.size()
					+ " unsettled payment default(s) from before " + since + ": " + describe(unsettled)));
		}
	}

	private static String describe(List<BureauRating.PaymentDefault> defaults) {
		return String.join("; ", defaults.stream().map(Object::toString).toList());
	}

	private static void rating(CreditCheck check, CreditRules rules, List<Reason> decline, List<Reason> review) {
		switch (check.rating()) {
			case BureauRating.Rated rated -> {
				if (rules.reviewRatings().contains(rated.rating())) {
					review.add(Reason.of(ReasonCodes.RATING_TOO_LOW, "The bureau rates the company "
							+ rated.rating() + " (score " + rated.score() + "), which is borderline"));
				}
				else if (!rules.approvedRatings().contains(rated.rating())) {
					decline.add(Reason.of(ReasonCodes.RATING_TOO_LOW,
							"The bureau rates the company " + rated.rating() + " (score " + rated.score() + ")"));
				}
				paymentDefaults(rated, check, rules, decline, review);
			}
			case BureauRating.UnknownCompany unknown -> {
				Reason reason = Reason.of(ReasonCodes.RATING_UNKNOWN,
						"The credit bureau does not know business id " + unknown.businessId());
				(rules.unknownCompany() == Consequence.DECLINE ? decline : review).add(reason);
			}
			case BureauRating.Unavailable unavailable -> review.add(Reason.of(ReasonCodes.BUREAU_UNAVAILABLE,
					"The credit bureau could not be reached: " + unavailable.why()));
		}
	}
}

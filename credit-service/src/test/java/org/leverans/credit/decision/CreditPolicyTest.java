package org.leverans.credit.decision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.Reason;
import org.leverans.credit.account.CreditAccount;
import org.leverans.credit.bureau.BureauRating;
import org.leverans.credit.decision.Assessment.Verdict;
import org.leverans.credit.decision.CreditRules.Consequence;

import static org.assertj.core.api.Assertions.assertThat;

class CreditPolicyTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	private static final UUID CUSTOMER = UUID.fromString("11111111-1111-1111-1111-111111111111");

	private static final CreditRules DEFAULTS = new CreditRulesProperties(
			new CreditRulesProperties.Settings(BigDecimal.TEN, Set.of("A", "B"), Set.of("C"), Consequence.DECLINE,
					Period.ofMonths(12), Consequence.REVIEW),
			null).forCustomer(CUSTOMER);

	@Test
	void approvesOrderThatFitsAvailableCreditWithGoodRating() {
		Assessment assessment = assess(account(), "40000.00", "9999.99", rated("A"));

		assertThat(assessment.verdict()).isEqualTo(Verdict.APPROVE);
		assertThat(assessment.reasons()).isEmpty();
	}

	@Test
	void approvesOrderThatTakesExactlyTheLastCreditWithRatingB() {
		assertThat(assess(account(), "40000.00", "10000.00", rated("B")).verdict()).isEqualTo(Verdict.APPROVE);
	}

	@Test
	void holdsOrderOverTheLimitWithinTheToleranceForReview() {
		Assessment assessment = assess(account(), "40000.00", "15000.00", rated("A"));

		assertThat(assessment.verdict()).isEqualTo(Verdict.REVIEW);
		assertThat(codes(assessment)).containsExactly(ReasonCodes.OVER_LIMIT);
		assertThat(assessment.reasons().get(0).message()).contains("55000.00").contains("5000.00");
	}

	@Test
	void holdsOrderExactlyAtTheEdgeOfTheTolerance() {
		assertThat(assess(account(), "40000.00", "15000.00", rated("A")).verdict()).isEqualTo(Verdict.REVIEW);
		assertThat(assess(account(), "40000.00", "15000.01", rated("A")).verdict()).isEqualTo(Verdict.DECLINE);
	}

	@Test
	void declinesOrderFarOverTheLimit() {
		Assessment assessment = assess(account(), "0.00", "60000.00", rated("A"));

		assertThat(assessment.verdict()).isEqualTo(Verdict.DECLINE);
		assertThat(codes(assessment)).containsExactly(ReasonCodes.OVER_LIMIT);
	}

	@Test
	void customerWithoutToleranceHasAnyOverLimitOrderDeclined() {
		CreditRules strict = new CreditRulesProperties(
				new CreditRulesProperties.Settings(BigDecimal.TEN, Set.of("A", "B"), Set.of("C"), Consequence.DECLINE,
						Period.ofMonths(12), Consequence.REVIEW),
				Map.of(CUSTOMER, new CreditRulesProperties.Overrides(BigDecimal.ZERO, null, null, null, null, null)))
			.forCustomer(CUSTOMER);

		Assessment assessment = CreditPolicy.assess(check(account(), "50000.00", "0.01", rated("A")), strict);

		assertThat(assessment.verdict()).isEqualTo(Verdict.DECLINE);
		assertThat(codes(assessment)).containsExactly(ReasonCodes.OVER_LIMIT);
		assertThat(strict.approvedRatings()).containsExactlyInAnyOrder("A", "B");
	}

	@Test
	void holdsBorderlineRatingForReview() {
		Assessment assessment = assess(account(), "0.00", "100.00", rated("C"));

		assertThat(assessment.verdict()).isEqualTo(Verdict.REVIEW);
		assertThat(codes(assessment)).containsExactly(ReasonCodes.RATING_TOO_LOW);
		assertThat(assessment.reasons().get(0).message()).contains("borderline");
	}

	@Test
	void declinesFailingRating() {
		Assessment assessment = assess(account(), "0.00", "100.00", rated("D"));

		assertThat(assessment.verdict()).isEqualTo(Verdict.DECLINE);
		assertThat(codes(assessment)).containsExactly(ReasonCodes.RATING_TOO_LOW);
	}

	@Test
	void declinesCompanyWithARecentUnsettledPaymentDefault() {
		BureauRating withDefaults = new BureauRating.Rated("FI12345678", "Rakennus Oy", "B", 61,
				List.of(unsettled(TODAY.minusMonths(2))), Instant.now());

		Assessment assessment = assess(account(), "0.00", "100.00", withDefaults);

		assertThat(assessment.verdict()).isEqualTo(Verdict.DECLINE);
		assertThat(codes(assessment)).containsExactly(ReasonCodes.PAYMENT_DEFAULT);
		assertThat(assessment.reasons().get(0).message()).contains("Sementti Oy");
	}

	@Test
	void paymentDefaultGivenOnlyAsTextCountsAsRecentAndUnsettled() {
		BureauRating withDefaults = new BureauRating.Rated("FI12345678", "Rakennus Oy", "A", 80,
				List.of(BureauRating.PaymentDefault.described("unpaid invoice 1200 EUR")), Instant.now());

		Assessment assessment = assess(account(), "0.00", "100.00", withDefaults);

		assertThat(assessment.verdict()).isEqualTo(Verdict.DECLINE);
		assertThat(assessment.reasons().get(0).message()).contains("unpaid invoice 1200 EUR");
	}

	@Test
	void holdsCompanyWithAnOldUnsettledPaymentDefaultForReview() {
		BureauRating withDefaults = new BureauRating.Rated("FI12345678", "Rakennus Oy", "A", 80,
				List.of(unsettled(TODAY.minusMonths(13))), Instant.now());

		Assessment assessment = assess(account(), "0.00", "100.00", withDefaults);

		assertThat(assessment.verdict()).isEqualTo(Verdict.REVIEW);
		assertThat(codes(assessment)).containsExactly(ReasonCodes.PAYMENT_DEFAULT);
	}

	@Test
	void settledPaymentDefaultsAreIgnored() {
		BureauRating bygg = new BureauRating.Rated("SE5566778899", "Bygg AB", "B", 71,
				List.of(new BureauRating.PaymentDefault(TODAY.minusMonths(1), "Trävaruhuset Norr AB",
						new BigDecimal("12400.00"), "SEK", true, null)),
				Instant.now());

		assertThat(assess(account(), "0.00", "100.00", bygg).verdict()).isEqualTo(Verdict.APPROVE);
	}

	@Test
	void borderlineCompanyWithAnOldUnpaidDefaultGoesToReviewForBothReasons() {
		// Kivi & Laatta Oy as the local bureau stand-in describes it
		BureauRating kivi = new BureauRating.Rated("FI87654321", "Kivi & Laatta Oy", "C", 48,
				List.of(new BureauRating.PaymentDefault(LocalDate.of(2025, 9, 30), "Sementti Oy",
						new BigDecimal("3180.00"), "EUR", false, null),
						new BureauRating.PaymentDefault(LocalDate.of(2024, 11, 12), "Laattakeskus Oy",
								new BigDecimal("940.00"), "EUR", true, null)),
				Instant.now());

		Assessment assessment = assess(account(), "0.00", "100.00", kivi);

		assertThat(assessment.verdict()).isEqualTo(Verdict.REVIEW);
		assertThat(codes(assessment)).containsExactly(ReasonCodes.RATING_TOO_LOW, ReasonCodes.PAYMENT_DEFAULT);
	}

	@Test
	void paymentDefaultsGoToReviewWhenTheCustomersRulesSaySo() {
		CreditRules lenient = new CreditRules(BigDecimal.TEN, Set.of("A", "B"), Set.of("C"), Consequence.REVIEW,
				Period.ofMonths(12), Consequence.REVIEW);
		BureauRating withDefaults = new BureauRating.Rated("FI12345678", "Rakennus Oy", "A", 80,
				List.of(unsettled(TODAY.minusDays(10))), Instant.now());

		Assessment assessment = CreditPolicy.assess(check(account(), "0.00", "100.00", withDefaults), lenient);

		assertThat(assessment.verdict()).isEqualTo(Verdict.REVIEW);
		assertThat(codes(assessment)).containsExactly(ReasonCodes.PAYMENT_DEFAULT);
	}

	@Test
	void declinesBlockedAccountWithTheBlockingReason() {
		CreditAccount blocked = new CreditAccount(CUSTOMER, "FI12345678", "Rakennus Oy", "EUR",
				new BigDecimal("50000.00"), BigDecimal.ZERO, null, true, "invoices overdue");

		Assessment assessment = assess(blocked, "0.00", "100.00", rated("A"));

		assertThat(assessment.verdict()).isEqualTo(Verdict.DECLINE);
		assertThat(codes(assessment)).containsExactly(ReasonCodes.ACCOUNT_BLOCKED);
		assertThat(assessment.reasons().get(0).message()).contains("invoices overdue");
	}

	@Test
	void declinesWhenTheLimitHasExpired() {
		Assessment assessment = assess(expiringOn(TODAY.minusDays(1)), "0.00", "100.00", rated("A"));

		assertThat(assessment.verdict()).isEqualTo(Verdict.DECLINE);
		assertThat(codes(assessment)).containsExactly(ReasonCodes.LIMIT_EXPIRED);
	}

	@Test
	void limitIsStillValidOnItsExpiryDay() {
		assertThat(assess(expiringOn(TODAY), "0.00", "100.00", rated("A")).verdict()).isEqualTo(Verdict.APPROVE);
	}

	@Test
	void holdsForReviewWhenTheBureauCannotBeReached() {
		Assessment assessment = assess(account(), "0.00", "100.00",
				new BureauRating.Unavailable("FI12345678", "circuit breaker is open"));

		assertThat(assessment.verdict()).isEqualTo(Verdict.REVIEW);
		assertThat(codes(assessment)).containsExactly(ReasonCodes.BUREAU_UNAVAILABLE);
		assertThat(assessment.reasons().get(0).message()).contains("circuit breaker is open");
	}

	@Test
	void declinesWithoutTheBureauWhenTheAccountAloneRulesTheOrderOut() {
		Assessment assessment = assess(account(), "45000.00", "20000.00",
				new BureauRating.Unavailable("FI12345678", "timeout"));

		assertThat(assessment.verdict()).isEqualTo(Verdict.DECLINE);
		assertThat(codes(assessment)).containsExactly(ReasonCodes.OVER_LIMIT);
	}

	@Test
	void holdsUnknownCompanyForReviewByDefaultAndDeclinesItWhenConfigured() {
		BureauRating unknown = new BureauRating.UnknownCompany("FI00000000");
		CreditRules strict = new CreditRules(BigDecimal.TEN, Set.of("A", "B"), Set.of("C"), Consequence.DECLINE,
				Period.ofMonths(12), Consequence.DECLINE);

		Assessment byDefault = assess(account(), "0.00", "100.00", unknown);
		Assessment configured = CreditPolicy.assess(check(account(), "0.00", "100.00", unknown), strict);

		assertThat(byDefault.verdict()).isEqualTo(Verdict.REVIEW);
		assertThat(codes(byDefault)).containsExactly(ReasonCodes.RATING_UNKNOWN);
		assertThat(configured.verdict()).isEqualTo(Verdict.DECLINE);
	}

	@Test
	void holdsOrderInAnotherCurrencyThanTheAccountForReview() {
		Assessment assessment = CreditPolicy.assess(new CreditCheck(account(), new BigDecimal("0.00"),
				new BigDecimal("100.00"), "SEK", rated("A"), TODAY), DEFAULTS);

		assertThat(assessment.verdict()).isEqualTo(Verdict.REVIEW);
		assertThat(codes(assessment)).containsExactly(ReasonCodes.CURRENCY_MISMATCH);
	}

	@Test
	void reportsEveryReasonToDeclineAndNoReasonToReview() {
		CreditAccount blockedAndExpired = new CreditAccount(CUSTOMER, "FI12345678", "Rakennus Oy", "EUR",
				new BigDecimal("50000.00"), BigDecimal.ZERO, TODAY.minusDays(3), true, null);
		BureauRating failing = new BureauRating.Rated("FI12345678", "Rakennus Oy", "D", 12,
				List.of(BureauRating.PaymentDefault.described("bankruptcy filed")), Instant.now());

		Assessment assessment = assess(blockedAndExpired, "49000.00", "1500.00", failing);

		assertThat(assessment.verdict()).isEqualTo(Verdict.DECLINE);
		assertThat(codes(assessment)).containsExactly(ReasonCodes.ACCOUNT_BLOCKED, ReasonCodes.LIMIT_EXPIRED,
				ReasonCodes.RATING_TOO_LOW, ReasonCodes.PAYMENT_DEFAULT);
	}

	@Test
	void reportsEveryReasonToReview() {
		Assessment assessment = assess(account(), "49000.00", "1500.00", rated("C"));

		assertThat(assessment.verdict()).isEqualTo(Verdict.REVIEW);
		assertThat(codes(assessment)).containsExactly(ReasonCodes.OVER_LIMIT, ReasonCodes.RATING_TOO_LOW);
	}

	private static Assessment assess(CreditAccount account, String exposure, String amount, BureauRating rating) {
		return CreditPolicy.assess(check(account, exposure, amount, rating), DEFAULTS);
	}

	private static CreditCheck check(CreditAccount account, String exposure, String amount, BureauRating rating) {
		return new CreditCheck(account, new BigDecimal(exposure), new BigDecimal(amount), "EUR", rating, TODAY);
	}

	private static CreditAccount account() {
		return expiringOn(null);
	}

	private static CreditAccount expiringOn(LocalDate expiresOn) {
		return new CreditAccount(CUSTOMER, "FI12345678", "Rakennus Oy", "EUR", new BigDecimal("50000.00"),
				BigDecimal.ZERO, expiresOn, false, null);
	}

	private static BureauRating rated(String rating) {
		return new BureauRating.Rated("FI12345678", "Rakennus Oy", rating, 70, List.of(), Instant.now());
	}

	private static BureauRating.PaymentDefault unsettled(LocalDate registeredOn) {
		return new BureauRating.PaymentDefault(registeredOn, "Sementti Oy", new BigDecimal("3180.00"), "EUR", false,
				null);
	}

	private static List<String> codes(Assessment assessment) {
		return assessment.reasons().stream().map(Reason::code).toList();
	}
}

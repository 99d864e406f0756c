package org.leverans.order.core;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.Reason;
import org.leverans.order.core.Outcome.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class OrderProgressTest {

	private static final List<Reason> OVER_LIMIT = List.of(Reason.of("OVER_LIMIT", "over the limit"));

	private static final List<Reason> OVER_SPENDING_LIMIT = List.of(
			Reason.of("ORDER_LIMIT_EXCEEDED", "The order total 6000.00 EUR is above anna's order limit of 5000.00 EUR"));

	private static final List<Reason> SITE = List.of(Reason.ofLine(1, "SITE_NOT_IN_AGREEMENT", "unknown site"));

	@Test
	void validationAloneMovesPlacedToValidated() {
		Transition t = OrderProgress.placed().apply(Outcome.of(Kind.VALIDATED));

		assertThat(t.path()).containsExactly(OrderStatus.VALIDATED);
		assertThat(t.after().status()).isEqualTo(OrderStatus.VALIDATED);
		assertThat(t.ignored()).isFalse();
	}

	@Test
	void creditReservedAfterValidationAcceptsTheOrder() {
		OrderProgress validated = OrderProgress.placed().apply(Outcome.of(Kind.VALIDATED)).after();

		Transition t = validated.apply(Outcome.of(Kind.CREDIT_RESERVED));

		assertThat(t.path()).containsExactly(OrderStatus.ACCEPTED);
		assertThat(t.reasons()).isEmpty();
	}

	@Test
	void creditBeforeValidationIsRecordedAndAcceptsOnceValidated() {
		Transition credit = OrderProgress.placed().apply(Outcome.of(Kind.CREDIT_RESERVED));

		assertThat(credit.ignored()).isFalse();
		assertThat(credit.changedStatus()).isFalse();
		assertThat(credit.after().status()).isEqualTo(OrderStatus.PLACED);
		assertThat(credit.after().credit().kind()).isEqualTo(Kind.CREDIT_RESERVED);

		Transition validation = credit.after().apply(Outcome.of(Kind.VALIDATED));

		assertThat(validation.path()).containsExactly(OrderStatus.VALIDATED, OrderStatus.ACCEPTED);
		assertThat(validation.after().status()).isEqualTo(OrderStatus.ACCEPTED);
	}

	@Test
	void creditDeclinedBeforeValidationRejectsOnceValidatedWithCreditReasons() {
		OrderProgress declined = OrderProgress.placed().apply(Outcome.of(Kind.CREDIT_DECLINED, OVER_LIMIT)).after();

		Transition t = declined.apply(Outcome.of(Kind.VALIDATED));

		assertThat(t.path()).containsExactly(OrderStatus.VALIDATED, OrderStatus.REJECTED);
		assertThat(t.reasons()).isEqualTo(OVER_LIMIT);
	}

	@Test
	void reviewBeforeValidationPutsTheOrderOnHoldOnceValidated() {
		OrderProgress review = OrderProgress.placed()
			.apply(Outcome.of(Kind.CREDIT_REVIEW_REQUIRED, OVER_LIMIT))
			.after();

		Transition t = review.apply(Outcome.of(Kind.VALIDATED));

		assertThat(t.path()).containsExactly(OrderStatus.VALIDATED, OrderStatus.ON_HOLD);
		assertThat(t.reasons()).isEqualTo(OVER_LIMIT);
	}

	@Test
	void failedValidationRejectsWithItsReasons() {
		Transition t = OrderProgress.placed().apply(Outcome.of(Kind.VALIDATION_FAILED, SITE));

		assertThat(t.path()).containsExactly(OrderStatus.REJECTED);
		assertThat(t.reasons()).isEqualTo(SITE);
	}

	@Test
	void creditDeclinedAfterValidationRejects() {
		OrderProgress validated = OrderProgress.placed().apply(Outcome.of(Kind.VALIDATED)).after();

		Transition t = validated.apply(Outcome.of(Kind.CREDIT_DECLINED, OVER_LIMIT));

		assertThat(t.path()).containsExactly(OrderStatus.REJECTED);
		assertThat(t.reasons()).isEqualTo(OVER_LIMIT);
	}

	@Test
	void reviewAfterValidationPutsOnHold() {
		OrderProgress validated = OrderProgress.placed().apply(Outcome.of(Kind.VALIDATED)).after();

		Transition t = validated.apply(Outcome.of(Kind.CREDIT_REVIEW_REQUIRED, OVER_LIMIT));

		assertThat(t.path()).containsExactly(OrderStatus.ON_HOLD);
	}

	@Test
	void approvedReviewMovesOnHoldToAccepted() {
		OrderProgress onHold = onHold();

		Transition t = onHold.apply(Outcome.of(Kind.CREDIT_RESERVED));

		assertThat(t.path()).containsExactly(OrderStatus.ACCEPTED);
		assertThat(t.reasons()).isEmpty();
	}

	@Test
	void declinedReviewMovesOnHoldToRejected() {
		Transition t = onHold().apply(Outcome.of(Kind.CREDIT_DECLINED, OVER_LIMIT));

		assertThat(t.path()).containsExactly(OrderStatus.REJECTED);
		assertThat(t.reasons()).isEqualTo(OVER_LIMIT);
	}

	@Test
	void secondReviewRequestKeepsTheOrderOnHoldWithoutAnotherTransition() {
		Transition t = onHold().apply(Outcome.of(Kind.CREDIT_REVIEW_REQUIRED, OVER_LIMIT));

		assertThat(t.ignored()).isFalse();
		assertThat(t.changedStatus()).isFalse();
		assertThat(t.after().status()).isEqualTo(OrderStatus.ON_HOLD);
	}

	@Test
	void lateCreditDecisionForAnAcceptedOrderIsIgnored() {
		OrderProgress accepted = onHold().apply(Outcome.of(Kind.CREDIT_RESERVED)).after();

		Transition t = accepted.apply(Outcome.of(Kind.CREDIT_DECLINED, OVER_LIMIT));

		assertThat(t.ignored()).isTrue();
		assertThat(t.after()).isEqualTo(accepted);
	}

	@Test
	void creditDecisionForARejectedOrderIsIgnored() {
		OrderProgress rejected = OrderProgress.placed().apply(Outcome.of(Kind.VALIDATION_FAILED, SITE)).after();

		assertThat(rejected.apply(Outcome.of(Kind.CREDIT_RESERVED)).ignored()).isTrue();
	}

	@Test
	void duplicateValidationIsIgnored() {
		OrderProgress validated = OrderProgress.placed().apply(Outcome.of(Kind.VALIDATED)).after();

		assertThat(validated.apply(Outcome.of(Kind.VALIDATED)).ignored()).isTrue();
		assertThat(validated.apply(Outcome.of(Kind.VALIDATION_FAILED, SITE)).ignored()).isTrue();
	}

	@Test
	void decisionsForACancelledOrderAreIgnored() {
		OrderProgress cancelled = new OrderProgress(OrderStatus.CANCELLED, null, null);

		assertThat(cancelled.apply(Outcome.of(Kind.VALIDATED)).ignored()).isTrue();
		assertThat(cancelled.apply(Outcome.of(Kind.CREDIT_RESERVED)).ignored()).isTrue();
	}

	@Test
	void decisionsForAnOrderInDeliveryAreIgnored() {
		OrderProgress inDelivery = new OrderProgress(OrderStatus.IN_DELIVERY, Outcome.of(Kind.VALIDATED),
				Outcome.of(Kind.CREDIT_RESERVED));

		assertThat(inDelivery.apply(Outcome.of(Kind.CREDIT_DECLINED, OVER_LIMIT)).ignored()).isTrue();
	}

	@Test
	void anOrderAboveASpendingLimitWaitsForApprovalBeforeItIsValidated() {
		Transition t = OrderProgress.placed().apply(Outcome.of(Kind.APPROVAL_REQUIRED, OVER_SPENDING_LIMIT));

		assertThat(t.path()).containsExactly(OrderStatus.AWAITING_APPROVAL);
		assertThat(t.reasons()).isEqualTo(OVER_SPENDING_LIMIT);
	}

	@Test
	void anApprovedOrderWaitsForItsValidationAndThenGoesOnAsUsual() {
		OrderProgress approved = awaitingApproval().apply(Outcome.of(Kind.APPROVED)).after();

		assertThat(approved.status()).isEqualTo(OrderStatus.AWAITING_APPROVAL);
		Transition validated = approved.apply(Outcome.of(Kind.VALIDATED));
		assertThat(validated.path()).containsExactly(OrderStatus.VALIDATED);
		assertThat(validated.after().apply(Outcome.of(Kind.CREDIT_RESERVED)).path())
			.containsExactly(OrderStatus.ACCEPTED);
	}

	@Test
	void creditReservedBeforeTheApprovalArrivesIsKeptUntilTheOrderIsValidated() {
		OrderProgress withCredit = awaitingApproval().apply(Outcome.of(Kind.CREDIT_RESERVED)).after();
		assertThat(withCredit.status()).isEqualTo(OrderStatus.AWAITING_APPROVAL);

		Transition validated = withCredit.apply(Outcome.of(Kind.APPROVED))
			.after()
			.apply(Outcome.of(Kind.VALIDATED));

		assertThat(validated.path()).containsExactly(OrderStatus.VALIDATED, OrderStatus.ACCEPTED);
	}

	@Test
	void aRejectedApprovalRejectsTheOrderWithTheManagersReason() {
		List<Reason> why = List.of(Reason.of("APPROVAL_REJECTED", "Rejected by liisa: not this month"));

		Transition t = awaitingApproval().apply(Outcome.of(Kind.APPROVAL_REJECTED, why));

		assertThat(t.path()).containsExactly(OrderStatus.REJECTED);
		assertThat(t.reasons()).isEqualTo(why);
	}

	@Test
	void anApprovalAnswerForAnOrderNotWaitingIsIgnored() {
		assertThat(OrderProgress.placed().apply(Outcome.of(Kind.APPROVED)).ignored()).isTrue();
		OrderProgress cancelled = new OrderProgress(OrderStatus.CANCELLED, null, null,
				Outcome.of(Kind.APPROVAL_REQUIRED, OVER_SPENDING_LIMIT));
		assertThat(cancelled.apply(Outcome.of(Kind.APPROVED)).ignored()).isTrue();
		assertThat(cancelled.apply(Outcome.of(Kind.VALIDATED)).ignored()).isTrue();
		assertThat(awaitingApproval().apply(Outcome.of(Kind.APPROVAL_REQUIRED, OVER_SPENDING_LIMIT)).ignored())
			.isTrue();
	}

	@Test
	void anOrderWaitingForApprovalMayBeCancelled() {
		assertThat(OrderStatus.AWAITING_APPROVAL.mayCancel(false)).isTrue();
	}

	private static OrderProgress awaitingApproval() {
		return OrderProgress.placed().apply(Outcome.of(Kind.APPROVAL_REQUIRED, OVER_SPENDING_LIMIT)).after();
	}

	private static OrderProgress onHold() {
		return OrderProgress.placed()
			.apply(Outcome.of(Kind.VALIDATED))
			.after()
			.apply(Outcome.of(Kind.CREDIT_REVIEW_REQUIRED, OVER_LIMIT))
			.after();
	}
}

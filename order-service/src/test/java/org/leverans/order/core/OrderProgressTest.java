package org.leverans.order.core;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.Reason;
import org.leverans.order.core.Outcome.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class OrderProgressTest {

	private static final List<Reason> OVER_LIMIT = List.of(Reason.of("OVER_LIMIT", "over the limit"));

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

	private static OrderProgress onHold() {
		return OrderProgress.placed()
			.apply(Outcome.of(Kind.VALIDATED))
			.after()
			.apply(Outcome.of(Kind.CREDIT_REVIEW_REQUIRED, OVER_LIMIT))
			.after();
	}
}

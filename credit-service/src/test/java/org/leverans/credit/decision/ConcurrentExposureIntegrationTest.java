package org.leverans.credit.decision;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.leverans.contracts.order.OrderCancelled;
import org.leverans.contracts.order.OrderRejected;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.credit.account.CreditAccount;
import org.leverans.credit.testing.CreditServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The exposure stored on the account stays the sum of its open reservations when one customer's orders are
 * assessed, redelivered, cancelled and rejected at the same time, each in its own transaction on its own thread.
 */
class ConcurrentExposureIntegrationTest extends CreditServiceIntegrationTest {

	private static final String RESERVED = "leverans.credit.reserved.v1";

	@Autowired
	CreditAssessment assessment;

	@Autowired
	CreditReleases releases;

	@Autowired
	DecisionLog decisions;

	@Test
	void exposureStaysTheSumOfOpenReservationsWhileOrdersAreReservedAndReleasedConcurrently() throws Exception {
		CreditAccount account = newAccount("100000.00");
		List<OrderValidated> earlier = orders(account, 20, "25.00");
		earlier.forEach(this.assessment::assess);
		assertThat(exposure(account.customerId())).isEqualByComparingTo("500.00");
		List<OrderValidated> later = orders(account, 40, "12.34");
		List<OrderValidated> cancelledWhileAssessed = orders(account, 10, "7.77");

		List<Callable<Void>> work = new ArrayList<>();
		for (OrderValidated order : earlier) {
			// released once, however many times and ways the order ends
			work.add(() -> cancel(order));
			work.add(() -> cancel(order));
			work.add(() -> reject(order));
		}
		for (OrderValidated order : later) {
			// a redelivery racing the first delivery reserves once
			work.add(() -> assess(order));
			work.add(() -> assess(order));
		}
		for (OrderValidated order : cancelledWhileAssessed) {
			// whichever comes first, the cancelled order holds no credit in the end
			work.add(() -> assess(order));
			work.add(() -> cancel(order));
		}
		runConcurrently(work);

		assertThat(exposure(account.customerId())).isEqualByComparingTo("493.60");
		assertThat(openReservationTotal(account.customerId())).isEqualByComparingTo("493.60");
		assertThat(later).allSatisfy(order -> assertThat(this.decisions.outcomes(order.orderId()))
			.containsExactly(DecisionLog.Outcome.RESERVED));
		assertThat(earlier).allSatisfy(order -> assertThat(this.accounts.reservation(order.orderId()).orElseThrow().open())
			.isFalse());
	}

	@Test
	void ordersRacingForCreditBeingGivenBackNeverTakeExposureOverTheLimit() throws Exception {
		CreditAccount account = newAccount("1000.00");
		List<OrderValidated> earlier = orders(account, 5, "100.00");
		earlier.forEach(this.assessment::assess);
		List<OrderValidated> later = orders(account, 20, "100.00");

		List<Callable<Void>> work = new ArrayList<>();
		earlier.forEach(order -> work.add(() -> cancel(order)));
		later.forEach(order -> work.add(() -> assess(order)));
		runConcurrently(work);

		List<OrderValidated> reserved = later.stream()
			.filter(order -> this.accounts.reservation(order.orderId()).isPresent())
			.toList();
		// 500.00 was free from the start, and never more than the limit may be reserved
		assertThat(reserved).hasSizeBetween(5, 10);
		BigDecimal reservedTotal = new BigDecimal("100.00").multiply(BigDecimal.valueOf(reserved.size()));
		assertThat(exposure(account.customerId())).isEqualByComparingTo(reservedTotal);
		assertThat(openReservationTotal(account.customerId())).isEqualByComparingTo(reservedTotal);
		assertThat(later).allSatisfy(order -> assertThat(this.decisions.outcomes(order.orderId())).hasSize(1));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> reserved.stream().allMatch(order -> creditEvents.typesReceived(order.orderId()).contains(RESERVED)));
		assertThat(reserved).allSatisfy(order -> assertThat(creditEvents.received(order.orderId()))
			.filteredOn(event -> RESERVED.equals(event.type()))
			.allSatisfy(event -> assertThat(event.body().path("exposure").decimalValue())
				.isLessThanOrEqualTo(new BigDecimal("1000.00"))));
	}

	private List<OrderValidated> orders(CreditAccount account, int count, String total) {
		List<OrderValidated> orders = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			orders.add(validated(account.customerId(), total, "EUR"));
		}
		return orders;
	}

	private Void assess(OrderValidated order) {
		this.assessment.assess(order);
		return null;
	}

	private Void cancel(OrderValidated order) {
		this.releases.cancelled(new OrderCancelled(order.orderId(), order.orderNumber(), order.customerId(), "anna",
				"changed plans", Instant.now()));
		return null;
	}

	private Void reject(OrderValidated order) {
		this.releases.rejected(new OrderRejected(order.orderId(), order.orderNumber(), order.customerId(), List.of(),
				Instant.now()));
		return null;
	}

	/** Runs every task on its own transaction, as many at once as the connection pool allows, in random order. */
	private static void runConcurrently(List<Callable<Void>> work) throws Exception {
		List<Callable<Void>> shuffled = new ArrayList<>(work);
		Collections.shuffle(shuffled);
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService executor = Executors.newFixedThreadPool(8)) {
			List<Future<Void>> results = new ArrayList<>();
			for (Callable<Void> task : shuffled) {
				results.add(executor.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			for (Future<Void> result : results) {
				// a failed task (a deadlock, a broken constraint) fails the test with its own exception
				result.get();
			}
		}
	}
}

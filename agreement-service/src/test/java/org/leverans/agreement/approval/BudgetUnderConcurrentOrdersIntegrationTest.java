package org.leverans.agreement.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.leverans.agreement.IntegrationTest;
import org.leverans.agreement.approval.SpendingLimit.Budgeted;
import org.leverans.contracts.order.OrderPlaced;
import org.leverans.contracts.validation.OrderApprovalRequired;
import org.leverans.contracts.validation.OrderValidated;
import org.leverans.contracts.validation.PricedLine;
import org.leverans.contracts.validation.Totals;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders checked at the same moment against one monthly budget: exactly as many go through as the budget holds,
 * and what they spent adds up to the budget, never more.
 */
class BudgetUnderConcurrentOrdersIntegrationTest extends IntegrationTest {

	static final int ORDERS = 24;

	/** Fewer than the connection pool holds, so no order waits for a connection rather than for the budget. */
	static final int AT_ONCE = 8;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	ApprovalGate gate;

	@Autowired
	SpendingLimits limits;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void concurrentOrdersNeverSpendMoreThanTheMonthlyBudget() throws Exception {
		ApprovalCompany company = ApprovalCompany.create(this.mvc, this.json);
		this.limits.put(company.agreementId(), new SpendingLimit(Budgeted.orderer("olli"), new BigDecimal("500.00"),
				new BigDecimal("1000.00"), "EUR", "boss", Instant.now()));
		List<OrderPlaced> orders = new ArrayList<>();
		for (int i = 0; i < ORDERS; i++) {
			orders.add(company.order(1));
		}

		// all threads start at once; each of the first AT_ONCE orders meets others at the budget's lock
		CountDownLatch start = new CountDownLatch(1);
		List<Object> outcomes = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(AT_ONCE)) {
			List<Future<Object>> admitted = new ArrayList<>();
			for (OrderPlaced order : orders) {
				Callable<Object> admit = () -> {
					start.await();
					return this.transactions.execute(status -> this.gate.admit(order, priced(order, company),
							ApprovalCompany.today()));
				};
				admitted.add(threads.submit(admit));
			}
			start.countDown();
			for (Future<Object> outcome : admitted) {
				outcomes.add(outcome.get());
			}
		}

		assertThat(outcomes).filteredOn(OrderValidated.class::isInstance).hasSize(10);
		assertThat(outcomes).filteredOn(OrderApprovalRequired.class::isInstance).hasSize(ORDERS - 10);
		BigDecimal spent = this.jdbc.sql("""
				SELECT sum(amount) FROM order_spend WHERE agreement_id = ? AND scope = 'ORDERER' AND subject = 'olli'""")
			.param(company.agreementId())
			.query(BigDecimal.class)
			.single();
		assertThat(spent).isEqualByComparingTo("1000.00");
	}

	/** Each order 100.00 in all, as validation would price it. */
	private static OrderValidated priced(OrderPlaced order, ApprovalCompany company) {
		BigDecimal hundred = new BigDecimal("100.00");
		return new OrderValidated(order.orderId(), company.customerId(), company.agreementId(), "AG-LIMIT", 1,
				List.of(new PricedLine(1, "CEM-25KG", "Cement 25 kg", "CEMENT", "BAG", 1, "PALLET", company.siteId(),
						hundred, hundred, hundred, LocalDate.now())),
				List.of(), new Totals(hundred, BigDecimal.ZERO.setScale(2), hundred, "EUR"), null, "FREE_OVER", false,
				Instant.now(), order.orderNumber(), "Limit Oy");
	}

}

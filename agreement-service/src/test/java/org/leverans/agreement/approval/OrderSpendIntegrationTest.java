package org.leverans.agreement.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.leverans.agreement.IntegrationTest;
import org.leverans.agreement.approval.SpendingLimit.Budgeted;
import org.leverans.testsupport.infrastructure.CountedStatements;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** What an order spends against its orderer's and its sites' budgets, recorded once whatever redelivers it. */
class OrderSpendIntegrationTest extends IntegrationTest {

	@Autowired
	SpendingLimits limits;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void recordsEveryBudgetAnOrderCountsAgainstInOneStatementAndOnceOnly() {
		UUID order = UUID.randomUUID();
		UUID agreement = UUID.randomUUID();
		UUID harbour = UUID.randomUUID();
		UUID depot = UUID.randomUUID();
		List<OrderSpend> spends = List.of(new OrderSpend(Budgeted.orderer("olli"), new BigDecimal("431.00")),
				new OrderSpend(Budgeted.site(harbour), new BigDecimal("336.00")),
				new OrderSpend(Budgeted.site(depot), new BigDecimal("95.00")));

		int statements = CountedStatements.of(this.transactions, this.dataSource,
				() -> this.limits.record(order, agreement, YearMonth.of(2026, 12), spends, Instant.now()));
		this.limits.record(order, agreement, YearMonth.of(2026, 12),
				List.of(new OrderSpend(Budgeted.orderer("olli"), new BigDecimal("999.00"))), Instant.now());

		assertThat(statements).isOne();
		assertThat(this.jdbc.sql("""
				SELECT scope || ' ' || subject || ' ' || amount || ' ' || month FROM order_spend
				WHERE order_id = ? ORDER BY amount DESC""").param(order).query(String.class).list())
			.containsExactly("ORDERER olli 431.00 2026-12-01", "SITE " + harbour + " 336.00 2026-12-01",
					"SITE " + depot + " 95.00 2026-12-01");
	}
}

package org.leverans.credit.account;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.leverans.testsupport.infrastructure.TestInfrastructure;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration that stores exposure on the account gives every account the exposure the old code computed on each
 * decision: the sum of its open reservations.
 */
class ExposureBackfillMigrationIntegrationTest {

	private static final String OLD_EXPOSURE = """
			SELECT coalesce(sum(amount), 0) FROM reservation WHERE customer_id = ? AND status = 'OPEN'""";

	private final DriverManagerDataSource database = new DriverManagerDataSource(
			TestInfrastructure.newDatabase("credit_backfill"), "postgres", "postgres");

	private final JdbcClient jdbc = JdbcClient.create(this.database);

	@Test
	void backFillsEachAccountsExposureWithTheSumOfItsOpenReservations() {
		migrateTo("2");
		UUID mixed = account("FI00000001");
		UUID manyReservations = account("FI00000002");
		UUID allReleased = account("FI00000003");
		UUID noReservations = account("FI00000004");
		reservations(mixed, 7, "OPEN", "123.45");
		reservations(mixed, 3, "RELEASED", "1000.00");
		reservations(manyReservations, 10_000, "OPEN", "0.01");
		reservations(manyReservations, 2_000, "RELEASED", "99.99");
		reservations(allReleased, 4, "RELEASED", "50.00");
		Map<UUID, BigDecimal> before = oldExposures(List.of(mixed, manyReservations, allReleased, noReservations));

		migrateTo("latest");

		assertThat(before).containsEntry(mixed, new BigDecimal("864.15"))
			.containsEntry(manyReservations, new BigDecimal("100.00"));
		before.forEach((customerId, exposure) -> assertThat(storedExposure(customerId)).as("exposure of " + customerId)
			.isEqualByComparingTo(exposure));
	}

	private void migrateTo(String version) {
		Flyway.configure().dataSource(this.database).locations("classpath:db/migration").target(version).load().migrate();
	}

	private UUID account(String businessId) {
		UUID customerId = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO credit_account (customer_id, business_id, company_name, currency, credit_limit, updated_by)
				VALUES (?, ?, ?, 'EUR', 50000.00, 'test')""")
			.params(customerId, businessId, "Test " + businessId)
			.update();
		return customerId;
	}

	private void reservations(UUID customerId, int count, String status, String amount) {
		this.jdbc.sql("""
				INSERT INTO reservation (order_id, customer_id, amount, currency, status, reserved_by, reserved_at)
				SELECT gen_random_uuid(), ?, ?, 'EUR', ?, 'test', now() FROM generate_series(1, ?)""")
			.params(customerId, new BigDecimal(amount), status, count)
			.update();
	}

	private Map<UUID, BigDecimal> oldExposures(List<UUID> customerIds) {
		return customerIds.stream()
			.collect(Collectors.toMap(customerId -> customerId,
					customerId -> this.jdbc.sql(OLD_EXPOSURE).param(customerId).query(BigDecimal.class).single()));
	}

	private BigDecimal storedExposure(UUID customerId) {
		return this.jdbc.sql("SELECT exposure FROM credit_account WHERE customer_id = ?")
			.param(customerId)
			.query(BigDecimal.class)
			.single();
	}
}

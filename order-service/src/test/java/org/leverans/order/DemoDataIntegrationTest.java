package org.leverans.order;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.leverans.testsupport.infrastructure.TestInfrastructure;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo profile's data applies on top of the schema, and applying it again changes nothing. */
class DemoDataIntegrationTest {

	@Test
	void demoOrdersLoadOnceWithNumbersFromTheSequence() {
		DataSource dataSource = new DriverManagerDataSource(TestInfrastructure.newDatabase("orders_demo"), "postgres",
				"postgres");
		Flyway flyway = Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration", "classpath:db/demo")
			.load();
		flyway.migrate();
		flyway.migrate();

		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		assertThat(jdbc.queryForList("SELECT status FROM customer_order ORDER BY order_number", String.class))
			.containsExactly("DELIVERED", "CANCELLED");
		assertThat(jdbc.queryForObject("SELECT order_number FROM customer_order WHERE id = ?", String.class,
				java.util.UUID.fromString("d1111111-0000-0000-0000-000000000001")))
			.isEqualTo("LV-000001");
		assertThat(jdbc.queryForObject("SELECT sum(line_total) FROM order_line", java.math.BigDecimal.class))
			.isEqualByComparingTo("2514.00");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM order_timeline WHERE status IS NOT NULL", Integer.class))
			.isEqualTo(7);
		assertThat(jdbc.queryForObject("SELECT nextval('order_number_seq')", Long.class)).isEqualTo(3L);
	}
}

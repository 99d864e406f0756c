package org.leverans.delivery.window.evaluation;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leverans.testsupport.infrastructure.TestInfrastructure;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The demo database, migrated as {@code ./leverans up} migrates it, holds the demo carriers' history as their profiles
 * make it: Nordic Freight punctual, Baltic Haulage optimistic, and nothing of the hand-written history it replaced.
 */
class DemoArrivalHistoryIntegrationTest {

	private static JdbcClient jdbc;

	@BeforeAll
	static void migrateADemoDatabase() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				TestInfrastructure.newDatabase("delivery_demo"), "postgres", "postgres");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration", "classpath:db/demo")
			.load()
			.migrate();
		jdbc = JdbcClient.create(dataSource);
	}

	@Test
	void holdsEachDemoCarriersDeliveriesWithTheirSlotAndEveryEta() {
		assertThat(jdbc.sql("SELECT carrier, count(*) FROM arrival_delivery GROUP BY carrier ORDER BY carrier")
			.query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2))
			.list()).containsExactly("baltic-haulage=" + DemoArrivalHistory.DELIVERIES,
					"nordic-freight=" + DemoArrivalHistory.DELIVERIES);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM arrival_delivery d
				WHERE NOT EXISTS (SELECT 1 FROM arrival_sample s
				                  WHERE s.shipment_id = d.shipment_id AND s.source = 'planned-slot')
				   OR (SELECT count(*) FROM arrival_sample s
				       WHERE s.shipment_id = d.shipment_id AND s.source LIKE 'demo-eta-%') < 10""")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void nordicFreightsEtasAnHourOutAreRightOnAverageAndBalticHaulagesAboutThirteenMinutesOptimistic() {
		// The profiles: punctual errs N(0, 3 + 2h) minutes; optimistic arrives 4 + 9h minutes after its ETA.
		assertThat(meanMinutesLateAgainstEtaAnHourOut("nordic-freight")).isCloseTo(0, within(2.0));
		assertThat(meanMinutesLateAgainstEtaAnHourOut("baltic-haulage")).isCloseTo(13, within(3.0));
	}

	private static double meanMinutesLateAgainstEtaAnHourOut(String carrier) {
		return jdbc.sql("""
				SELECT avg(extract(epoch FROM d.delivered_at - s.expected_from) / 60)
				FROM arrival_sample s JOIN arrival_delivery d ON d.shipment_id = s.shipment_id
				WHERE d.carrier = ? AND s.source LIKE 'demo-eta-%' AND s.horizon_seconds BETWEEN 3300 AND 3900""")
			.param(carrier)
			.query(Double.class)
			.single();
	}
}

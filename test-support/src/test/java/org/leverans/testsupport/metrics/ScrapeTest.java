package org.leverans.testsupport.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScrapeTest {

	private static final String EXPOSITION = """
			# HELP leverans_orders Orders by status
			# TYPE leverans_orders gauge
			leverans_orders{application="order-service",status="PLACED"} 3.0
			leverans_orders{application="order-service",status="ACCEPTED"} 5.0
			leverans_dead_letters_total{topic="leverans.order"} 1.0
			leverans_dead_letters_total{topic="leverans.credit"} 2.0
			process_uptime_seconds 12.5
			""";

	@Test
	void readsTheSampleWhoseLabelsMatch() {
		assertThat(Scrape.of(EXPOSITION).value("leverans_orders", "status", "ACCEPTED")).hasValue(5.0);
	}

	@Test
	void sumsEverySampleOfAMetricWhenNoLabelIsNamed() {
		assertThat(Scrape.of(EXPOSITION).value("leverans_dead_letters_total")).hasValue(3.0);
		assertThat(Scrape.of(EXPOSITION).value("process_uptime_seconds")).hasValue(12.5);
	}

	@Test
	void findsNothingForAnUnknownLabelValueOrMetric() {
		assertThat(Scrape.of(EXPOSITION).value("leverans_orders", "status", "DELIVERED")).isEmpty();
		assertThat(Scrape.of(EXPOSITION).value("leverans_ordersx")).isEmpty();
	}
}

package org.leverans.platform.control;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StopOrderTest {

	@Test
	void stopsServicesInReverseStartOrderThenTheStandInsKafkaAndPostgresLast() {
		List<String> components = new ArrayList<>(List.of("mail", "kafka", "credit-bureau", "postgres", "auth-server",
				"order-service", "gateway", "agreement-service"));
		components.sort(StopOrder.byName());
		assertThat(components).containsExactly("gateway", "order-service", "agreement-service", "auth-server", "mail",
				"credit-bureau", "kafka", "postgres");
	}
}

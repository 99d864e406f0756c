package org.leverans.drill;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.leverans.platform.PlatformSettings;
import org.leverans.platform.services.Service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultsTest {

	private final PlatformSettings settings = PlatformSettings.defaults(Path.of("/work/leverans"))
		.withInstances(Map.of(Service.ORDER, 2, Service.DELIVERY, 2));

	@Test
	void breaksEveryServiceInstanceTheBrokerTheStandInsAndPostgresLast() {
		List<Fault> faults = Faults.standard(this.settings, Duration.ofMinutes(3), Duration.ofSeconds(30));

		assertThat(faults).extracting(Fault::label).containsExactly("none (baseline)", "auth-server",
				"agreement-service", "credit-service", "order-service", "order-service-2", "delivery-service",
				"delivery-service-2", "notification-service", "billing-service", "gateway", "kafka",
				"mail, down 30.0 s", "credit-bureau, down 30.0 s", "postgres, down 3 min");
	}

	@Test
	void runsOnlyTheFaultsNamedInTheOrderNamed() {
		List<Fault> standard = Faults.standard(this.settings, Duration.ofMinutes(1), Duration.ofSeconds(30));

		assertThat(Faults.only(standard, List.of("postgres", "none", "order-service-2"))).extracting(Fault::label)
			.containsExactly("postgres, down 1 min", "none (baseline)", "order-service-2");
		assertThat(Faults.only(standard, List.of())).isEqualTo(standard);
		assertThatThrownBy(() -> Faults.only(standard, List.of("zookeeper")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("No fault zookeeper");
	}
}

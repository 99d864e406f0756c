package org.leverans.simulator;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PartnerSimulatorApplicationTest {

	@Test
	void runsTheDemoCarriersAtTheDefaultSpeedWhenTheEnvironmentSaysNothing() {
		SimulatorSettings settings = PartnerSimulatorApplication.settings(Map.of());

		assertThat(settings.enabled()).isTrue();
		assertThat(settings.speed()).isEqualTo(SimulatorSettings.DEFAULT_SPEED);
		assertThat(settings.carriers()).extracting(DemoCarrier::carrier).containsExactlyElementsOf(DemoCarrier.codes());
	}

	@Test
	void takesTheSpeedAndACarriersProfileFromTheEnvironment() {
		String carrier = DemoCarrier.codes().getFirst();
		CarrierProfile profile = CarrierProfile.values()[CarrierProfile.values().length - 1];

		SimulatorSettings settings = PartnerSimulatorApplication.settings(Map.of("LEVERANS_SIMULATOR_SPEED", "120",
				"LEVERANS_SIMULATOR_PROFILES", carrier + "=" + profile.code()));

		assertThat(settings.speed()).isEqualTo(120);
		assertThat(settings.profiles()).containsExactly(Map.entry(carrier, profile));
	}

	@Test
	void refusesASpeedThatIsNoNumberNamingTheVariable() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PartnerSimulatorApplication.settings(Map.of("LEVERANS_SIMULATOR_SPEED", "fast")))
			.withMessageContaining("LEVERANS_SIMULATOR_SPEED");
	}

	@Test
	void refusesAnUnknownProfileListingTheKnownOnes() {
		String carrier = DemoCarrier.codes().getFirst();

		assertThatIllegalArgumentException()
			.isThrownBy(() -> PartnerSimulatorApplication.settings(Map.of("LEVERANS_SIMULATOR_PROFILES",
					carrier + "=teleporting")))
			.withMessageContaining("teleporting")
			.withMessageContaining(CarrierProfile.values()[0].code());
	}
}

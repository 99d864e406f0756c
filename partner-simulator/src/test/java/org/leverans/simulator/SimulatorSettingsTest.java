package org.leverans.simulator;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class SimulatorSettingsTest {

	@Test
	void theDemoCarriersPlayTheirOwnProfilesUnlessToldOtherwise() {
		assertThat(SimulatorSettings.on().carriers()).extracting(DemoCarrier::carrier, DemoCarrier::profile)
			.containsExactly(tuple("nordic-freight", CarrierProfile.PUNCTUAL),
					tuple("baltic-haulage", CarrierProfile.OPTIMISTIC));

		SimulatorSettings drifting = SimulatorSettings.on()
			.withProfiles(Map.of("baltic-haulage", CarrierProfile.DRIFTING_LATER));

		assertThat(drifting.carriers()).extracting(DemoCarrier::profile)
			.containsExactly(CarrierProfile.PUNCTUAL, CarrierProfile.DRIFTING_LATER);
		assertThat(drifting.withSpeed(120).carriers()).isEqualTo(drifting.carriers());
	}

	@Test
	void refusesAProfileForACarrierTheSimulatorDoesNotHave() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulatorSettings.on().withProfiles(Map.of("dhl", CarrierProfile.PUNCTUAL)))
			.withMessageContaining("no carrier 'dhl'")
			.withMessageContaining("nordic-freight");
	}

	@Test
	void aProfileIsNamedOnTheCommandLineByItsCode() {
		assertThat(CarrierProfile.byCode("often-early")).contains(CarrierProfile.OFTEN_EARLY);
		assertThat(CarrierProfile.byCode("late")).isEmpty();
	}
}

package org.leverans.platform;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.leverans.platform.Leverans.UpOptions;
import org.leverans.platform.services.Service;
import org.leverans.simulator.CarrierProfile;
import org.leverans.simulator.DemoCarrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LeveransTest {

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private final PrintStream out = new PrintStream(this.output, true, StandardCharsets.UTF_8);

	private final PlatformSettings defaults = PlatformSettings.defaults(Path.of("/work/leverans"));

	@Test
	void runsTheServicesNamedAsSeveralInstances() {
		PlatformSettings settings = UpOptions.parse(List.of("--instances", "order-service=2,delivery-service=3"),
				this.out).applyTo(this.defaults);

		assertThat(settings.instancesOf(Service.ORDER)).isEqualTo(2);
		assertThat(settings.instancesOf(Service.DELIVERY)).isEqualTo(3);
		assertThat(settings.instancesOf(Service.CREDIT)).isOne();
	}

	@Test
	void runsTheGatewayAsSeveralInstancesToo() {
		PlatformSettings settings = UpOptions.parse(List.of("--instances", "gateway=2"), this.out)
			.applyTo(this.defaults);

		assertThat(settings.instancesOf(Service.GATEWAY)).isEqualTo(2);
	}

	@Test
	void refusesInstancesOfWhatBrowsersKnowByOneAddressOrCountsThatMakeNoSense() {
		assertThatIllegalArgumentException().isThrownBy(() -> UpOptions
			.parse(List.of("--instances=auth-server=2"), this.out).applyTo(this.defaults))
			.withMessageContaining("auth-server");
		assertThatIllegalArgumentException().isThrownBy(() -> UpOptions
			.parse(List.of("--instances=order-service=0"), this.out).applyTo(this.defaults));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UpOptions.parse(List.of("--instances", "order-service"), this.out));
	}

	@Test
	void upAppliesFreshPortOffsetAndServices() {
		UpOptions options = UpOptions.parse(List.of("--fresh", "--port-offset", "100", "--services=order-service,gateway"),
				this.out);
		PlatformSettings settings = options.applyTo(this.defaults);
		assertThat(settings.fresh()).isTrue();
		assertThat(settings.portOffset()).isEqualTo(100);
		assertThat(settings.services()).containsExactly(Service.ORDER, Service.GATEWAY);
	}

	@Test
	void upWithoutOptionsKeepsStateAndStartsEverything() {
		PlatformSettings settings = UpOptions.parse(List.of(), this.out).applyTo(this.defaults);
		assertThat(settings).isEqualTo(this.defaults);
	}

	@Test
	void upStartsOnlyTheInfrastructureWhenAskedTo() {
		assertThat(UpOptions.parse(List.of("--infrastructure-only"), this.out).applyTo(this.defaults).services())
			.isEmpty();
	}

	@Test
	void upRunsTheSimulatorUnlessToldNotTo() {
		assertThat(UpOptions.parse(List.of(), this.out).applyTo(this.defaults).simulator().enabled()).isTrue();
		PlatformSettings settings = UpOptions.parse(List.of("--no-simulator"), this.out).applyTo(this.defaults);
		assertThat(settings.simulator().enabled()).isFalse();
		assertThat(this.output.toString(StandardCharsets.UTF_8)).doesNotContain("no-simulator");
	}

	@Test
	void upSetsTheSimulatorsSpeed() {
		assertThat(UpOptions.parse(List.of("--simulator-speed", "120"), this.out).applyTo(this.defaults).simulator()
			.speed()).isEqualTo(120.0);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UpOptions.parse(List.of("--simulator-speed=fast"), this.out))
			.withMessageContaining("--simulator-speed");
	}

	@Test
	void upStartsPrometheusOnlyWhenAskedTo() {
		assertThat(UpOptions.parse(List.of(), this.out).observability()).isFalse();
		assertThat(UpOptions.parse(List.of("--observability", "--fresh"), this.out).observability()).isTrue();
	}

	@Test
	void upLetsTheDemoCarriersPlayOtherProfiles() {
		PlatformSettings settings = UpOptions
			.parse(List.of("--simulator-profiles", "baltic-haulage=drifting-later"), this.out)
			.applyTo(this.defaults);

		assertThat(settings.simulator().carriers()).extracting(DemoCarrier::profile)
			.containsExactly(CarrierProfile.PUNCTUAL, CarrierProfile.DRIFTING_LATER);
		assertThat(UpOptions.parse(List.of("--simulator-profiles=nordic-freight=often-early"), this.out)
			.applyTo(this.defaults).simulator().carriers()).extracting(DemoCarrier::profile)
			.containsExactly(CarrierProfile.OFTEN_EARLY, CarrierProfile.OPTIMISTIC);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UpOptions.parse(List.of("--simulator-profiles", "nordic-freight=late"), this.out))
			.withMessageContaining("no profile 'late'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UpOptions.parse(List.of("--simulator-profiles", "dhl=punctual"), this.out))
			.withMessageContaining("baltic-haulage");
	}

	@Test
	void upRefusesOptionsItDoesNotKnow() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UpOptions.parse(List.of("--fresh", "--no-simulater"), this.out))
			.withMessageContaining("unknown option --no-simulater");
	}

	@Test
	void upWithHelpPrintsTheOptionsAndStartsNothing(@TempDir Path home) {
		Leverans leverans = new Leverans(Path.of("/work/leverans"), Map.of("LEVERANS_HOME", home.toString()), this.out);

		assertThat(leverans.run(new String[] { "up", "--fresh", "--help" })).isZero();
		assertThat(this.output.toString(StandardCharsets.UTF_8)).contains("--port-offset <n>");
		assertThat(home).isEmptyDirectory();
	}

	@Test
	void upRejectsAnUnknownService() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UpOptions.parse(List.of("--services", "warehouse-service"), this.out))
			.withMessageContaining("warehouse-service");
	}

	@Test
	void statusOfAHomeWithoutPlatformSaysItIsNotRunning(@TempDir Path home) {
		Leverans leverans = new Leverans(Path.of("/work/leverans"), Map.of("LEVERANS_HOME", home.toString()), this.out);
		assertThat(leverans.run(new String[] { "status" })).isEqualTo(3);
		assertThat(this.output.toString(StandardCharsets.UTF_8)).contains("not running");
	}

	@Test
	void anUnknownCommandShowsTheUsage() {
		Leverans leverans = new Leverans(Path.of("/work/leverans"), Map.of(), this.out);
		assertThat(leverans.run(new String[] { "sideways" })).isEqualTo(2);
		assertThat(this.output.toString(StandardCharsets.UTF_8)).contains("Usage: ./leverans");
	}
}

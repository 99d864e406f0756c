package org.leverans.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.leverans.platform.postgres.PostgresConnection;
import org.leverans.platform.services.Service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PlatformSettingsTest {

	private final Path root = Path.of("/work/leverans");

	@Test
	void keepsDataInDotLeveransAndStartsEveryServiceByDefault() {
		PlatformSettings settings = PlatformSettings.defaults(this.root);
		assertThat(settings.home()).isEqualTo(this.root.resolve(".leverans"));
		assertThat(settings.logs()).isEqualTo(this.root.resolve(".leverans/logs"));
		assertThat(settings.portOffset()).isZero();
		assertThat(settings.fresh()).isFalse();
		assertThat(settings.services()).containsExactly(Service.values());
		assertThat(settings.externalKafka()).isEmpty();
		assertThat(settings.externalPostgres()).isEmpty();
	}

	@Test
	void startsServicesInTheirStartOrderWhateverOrderTheyWereGivenIn() {
		PlatformSettings settings = PlatformSettings.defaults(this.root).withServices(Service.GATEWAY, Service.ORDER,
				Service.AUTH_SERVER);
		assertThat(List.copyOf(settings.services())).containsExactly(Service.AUTH_SERVER, Service.ORDER,
				Service.GATEWAY);
	}

	@Test
	void startsOnlyTheInfrastructureWithoutServices() {
		assertThat(PlatformSettings.defaults(this.root).withoutServices().services()).isEmpty();
	}

	@Test
	void readsHomeOffsetAndExistingInfrastructureFromTheEnvironment() {
		PlatformSettings settings = PlatformSettings.fromEnvironment(this.root,
				Map.of("LEVERANS_HOME", "/var/tmp/lv", "LEVERANS_PORT_OFFSET", "100", "KAFKA_BOOTSTRAP_SERVERS",
						"kafka-1:9092,kafka-2:9092", "LEVERANS_POSTGRES_URL", "jdbc:postgresql://db:5432/",
						"LEVERANS_POSTGRES_USER", "leverans", "LEVERANS_POSTGRES_PASSWORD", "secret"));
		assertThat(settings.home()).isEqualTo(Path.of("/var/tmp/lv"));
		assertThat(settings.portOffset()).isEqualTo(100);
		assertThat(settings.externalKafka()).contains("kafka-1:9092,kafka-2:9092");
		assertThat(settings.externalPostgres())
			.contains(new PostgresConnection("jdbc:postgresql://db:5432/", "leverans", "secret"));
	}

	@Test
	void ignoresBlankEnvironmentSettings() {
		PlatformSettings settings = PlatformSettings.fromEnvironment(this.root,
				Map.of("LEVERANS_HOME", " ", "KAFKA_BOOTSTRAP_SERVERS", "", "LEVERANS_POSTGRES_URL", ""));
		assertThat(settings).isEqualTo(PlatformSettings.defaults(this.root));
	}

	@Test
	void resolvesARelativeHomeAgainstTheProjectRoot() {
		assertThat(PlatformSettings.defaults(this.root).withHome(Path.of("target/e2e")).home())
			.isEqualTo(this.root.resolve("target/e2e"));
	}

	@Test
	void rejectsAPortOffsetThatIsNotANumber() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PlatformSettings.fromEnvironment(this.root, Map.of("LEVERANS_PORT_OFFSET", "ten")))
			.withMessageContaining("LEVERANS_PORT_OFFSET");
	}

	@Test
	void rejectsAPortOffsetThatCollidesWithTheDefaultPorts() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PlatformSettings.defaults(this.root).withPortOffset(1));
	}
}

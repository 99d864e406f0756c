package org.leverans.platform;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.leverans.platform.services.Service;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformTest {

	private final PlatformSettings settings = PlatformSettings.defaults(Path.of("/work/leverans"))
		.withPortOffset(100)
		.withHome(Path.of("/tmp/leverans-e2e"));

	@Test
	void tellsWhereEverythingIsOnItsOffsetPorts() {
		Platform platform = Platform.prepare(this.settings, ProgressListener.silent());
		assertThat(platform.gatewayUrl()).isEqualTo("http://localhost:8180");
		assertThat(platform.tokenEndpoint()).isEqualTo("http://localhost:9100/oauth2/token");
		assertThat(platform.serviceUrl(Service.DELIVERY)).isEqualTo("http://localhost:8184");
		assertThat(platform.creditBureauUrl()).isEqualTo("http://localhost:8189");
		assertThat(platform.mailUrl()).isEqualTo("http://localhost:8190");
		assertThat(platform.smtpPort()).isEqualTo(3125);
		assertThat(platform.logFile("kafka")).isEqualTo(Path.of("/tmp/leverans-e2e/logs/kafka.log"));
	}

	@Test
	void hasNothingSkippedOrRunningBeforeItStarts() {
		Platform platform = Platform.prepare(this.settings, ProgressListener.silent());
		assertThat(platform.skippedServices()).isEmpty();
		assertThat(platform.runningServices()).isEmpty();
		assertThat(platform.processes()).isEmpty();
	}
}

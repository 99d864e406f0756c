package org.leverans.platform.process;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpProbeTest {

	@Test
	void aServiceIsHealthyOnlyWhenItsOverallStatusIsUp() {
		assertThat(HttpProbe.isUpBody("{\"status\":\"UP\",\"groups\":[\"liveness\"]}")).isTrue();
		assertThat(HttpProbe.isUpBody("{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"UP\"}}}")).isFalse();
		assertThat(HttpProbe.isUpBody("{\"status\":\"OUT_OF_SERVICE\"}")).isFalse();
		assertThat(HttpProbe.isUpBody("<html>UP</html>")).isFalse();
	}
}

package org.leverans.delivery.window.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoArrivalHistoryTest {

	@Test
	void demoHistoryIsWhatTheDemoCarriersProfilesGive() throws IOException {
		try (InputStream migration = getClass().getClassLoader().getResourceAsStream(DemoArrivalHistory.MIGRATION)) {
			assertThat(migration).as(DemoArrivalHistory.MIGRATION).isNotNull();
			assertThat(new String(migration.readAllBytes(), StandardCharsets.UTF_8))
				.as("regenerate it with DemoArrivalHistory's main")
				.isEqualTo(DemoArrivalHistory.sql());
		}
	}
}

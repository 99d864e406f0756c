package org.leverans.drill;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DrillOptionsTest {

	private static final Path ROOT = Path.of("/work/leverans");

	@Test
	void startsItsOwnPlatformBesideTheDevelopersAndReportsToTheReliabilityPage() {
		DrillOptions options = DrillOptions.parse(List.of(), ROOT);

		assertThat(options.home()).isEqualTo(ROOT.resolve(".leverans-drill"));
		assertThat(options.portOffset()).isEqualTo(DrillOptions.DEFAULT_PORT_OFFSET);
		assertThat(options.postgresOutage()).isEqualTo(Duration.ofMinutes(3));
		assertThat(options.report()).isEqualTo(ROOT.resolve("docs/reliability.md"));
		assertThat(options.faults()).isEmpty();
	}

	@Test
	void takesTheFaultsTheLoadAndTheOutages() {
		DrillOptions options = DrillOptions.parse(List.of("--faults", "kafka, postgres", "--postgres-outage", "240",
				"--rate", "8", "--event-rate", "50", "--batch", "25", "--port-offset", "13500", "--no-report"), ROOT);

		assertThat(options.faults()).containsExactly("kafka", "postgres");
		assertThat(options.postgresOutage()).isEqualTo(Duration.ofMinutes(4));
		assertThat(options.pace().orderRate()).isEqualTo(8);
		assertThat(options.pace().eventRate()).isEqualTo(50);
		assertThat(options.pace().batch()).isEqualTo(25);
		assertThat(options.portOffset()).isEqualTo(13500);
		assertThat(options.report()).isNull();
	}

	@Test
	void refusesWhatItDoesNotKnow() {
		assertThatThrownBy(() -> DrillOptions.parse(List.of("--chaos"), ROOT))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Unknown option --chaos");
		assertThatThrownBy(() -> DrillOptions.parse(List.of("--rate", "0"), ROOT))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> DrillOptions.parse(List.of("--batch", "5000"), ROOT))
			.isInstanceOf(IllegalArgumentException.class);
	}
}

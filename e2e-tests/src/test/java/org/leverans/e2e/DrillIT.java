package org.leverans.e2e;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.leverans.drill.DrillPace;
import org.leverans.drill.Fault;
import org.leverans.drill.FaultDrill;
import org.leverans.drill.report.DrillReport;
import org.leverans.drill.report.FaultResult;
import org.leverans.platform.Platform;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault drill the project ships ({@code ./leverans drill}, docs/reliability.md), at a size CI affords: during
 * paced orders and carrier events, order-service is killed with SIGKILL and restarted, then the Kafka broker, then
 * PostgreSQL is killed and kept away for a minute. Each time, every order placed must be decided once, every event
 * applied must be stored once and passed on, no webhook message may be sent twice under two ids, and the buyer's
 * resumed live stream may miss nothing. It asserts that, never how fast anything was.
 *
 * <p>
 * It breaks the platform the other specs share rather than starting one of its own: a second platform would cost
 * its start-up again (the largest part of a spec run on two cores) and twice the memory, while Failsafe runs the spec
 * classes one after another, so no other spec runs while a component is down. Whatever happens to the drill, every
 * component it killed is started again before the spec ends, and the spec fails if one does not come back.
 */
// Last of all specs: its hundreds of orders would fill the receiver's arrivals (a page of the soonest) that the
// page specs look into, and its restarts are best not followed by anything that measures.
@Order(Integer.MAX_VALUE)
class DrillIT extends PlatformSpec {

	@Test
	void aServiceCrashABrokerRestartAndAMinuteWithoutPostgresLoseAndDoubleNothing() throws Exception {
		DrillPace pace = new DrillPace(4, 20, 10, Duration.ofSeconds(5), Duration.ofSeconds(5),
				Duration.ofMinutes(3), Duration.ofMinutes(2));
		Platform platform = leverans.platform();
		DrillReport report;
		try (FaultDrill drill = new FaultDrill(platform, pace, System.out)) {
			try {
				report = drill.run(List.of(Fault.crash("order-service"), Fault.crash("kafka"),
						Fault.outage("postgres", Duration.ofMinutes(1))));
			}
			finally {
				// before the drill lets go of its webhook endpoint, which takes the gateway and PostgreSQL
				startAgainWhatIsDown(platform);
			}
		}

		System.out.println(report.table());
		assertThat(report.results()).hasSize(3).allSatisfy((FaultResult result) -> {
			assertThat(result.problems()).as(result.fault()).isEmpty();
			assertThat(result.orders().placed()).as("orders placed during " + result.fault()).isGreaterThan(15);
			assertThat(result.events().applied()).as("carrier events applied during " + result.fault())
				.isGreaterThan(100);
		});
	}

	/** Later specs share this platform: a component the drill left down would fail them for no reason of theirs. */
	private static void startAgainWhatIsDown(Platform platform) {
		for (String component : platform.down()) {
			System.out.println("  DrillIT: " + component + " was left down; starting it again");
			platform.restart(component);
		}
		assertThat(platform.down()).as("components still down after the drill").isEmpty();
	}
}

package org.leverans.e2e;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leverans.bench.Bench;
import org.leverans.bench.BenchOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark the project ships ({@code ./leverans bench}), at a size CI can afford: paced orders and paced partner
 * event batches through the gateway, then what became of each, read from the services' own databases. It asserts
 * that nothing was lost or doubled, never how fast anything was; speed is measured on a quiet machine
 * (docs/performance.md).
 */
class BenchmarkIT extends PlatformSpec {

	static Bench bench;

	@BeforeAll
	static void benchAgainstThisPlatform() throws Exception {
		bench = Bench.of(options("--rate", "5", "--duration", "15", "--settle", "90"));
		bench.raiseCreditLimit();
	}

	@Test
	void pacedOrdersAreEachAcceptedOnceWithOneReservationAndTheirShipments() throws Exception {
		Bench.Step run = bench.orders(5);

		System.out.println(run.table().render());
		assertThat(run.placed()).as("orders the gateway took").isGreaterThan(60);
		assertThat(run.lost()).as("placed orders not decided, or accepted without a shipment").isZero();
		assertThat(run.doubled()).as("two acceptances, reservations or shipments too many").isZero();
	}

	@Test
	void pacedPartnerEventBatchesAreEachStoredOnceAndPassedOn() throws Exception {
		Bench.PartnerRun run = Bench.of(options("--partner-events", "--batch", "20", "--shipments", "30",
				"--duration", "10", "--settle", "90"))
			.partnerEvents(100);

		System.out.println(run.table().render());
		assertThat(run.applied()).as("events the partner API said it applied").isGreaterThan(500);
		assertThat(run.lost()).as("applied events not stored, or stored and never sent on").isZero();
		assertThat(run.duplicates()).as("events sent once but taken for repeats").isZero();
	}

	private static BenchOptions options(String... args) {
		List<String> all = new java.util.ArrayList<>(List.of(args));
		all.addAll(List.of("--home", leverans.home().toString()));
		return BenchOptions.parse(all, leverans.home());
	}
}

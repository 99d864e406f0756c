package org.leverans.drill.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DrillReportTest {

	@Test
	void holdsWhenNoFaultLostDoubledOrFailedAnything() {
		DrillReport report = new DrillReport(List.of(result("kafka", 0, 0, Optional.of(Duration.ofSeconds(12)))));

		assertThat(report.held()).isTrue();
		assertThat(report.table()).contains("| kafka | 8.0 s | 12.0 s | 100 / 2 / 1 | 0 | 0 | 400 (3) | 0 | 0 |");
	}

	@Test
	void failsAndSaysWhyWhenAnOrderIsLost() {
		FaultResult lost = result("postgres, down 3 min", 2, 0, Optional.of(Duration.ofSeconds(40)));

		assertThat(new DrillReport(List.of(lost)).held()).isFalse();
		assertThat(lost.problems()).containsExactly("2 orders lost");
		assertThat(new DrillReport(List.of(lost)).table()).contains("**2 orders lost**");
	}

	@Test
	void aRestartAfterWhichNoOrderWasAcceptedIsAFailure() {
		FaultResult stuck = result("order-service", 0, 0, Optional.empty());

		assertThat(stuck.problems()).containsExactly("no order placed after the restart was accepted");
		assertThat(new DrillReport(List.of(stuck)).table()).contains("**not recovered**");
	}

	@Test
	void aWebhookMessageRepeatedUnderItsOwnIdIsNoDouble() {
		FaultResult repeated = new FaultResult("notification-service", Instant.now(), Optional.of(Duration.ofSeconds(9)),
				Optional.of(Duration.ofSeconds(11)), new FaultResult.Orders(50, 0, 0, 0, 0, 0),
				new FaultResult.Events(100, 0, 0, 0), new FaultResult.Webhooks(100, 7, 0, 0),
				new FaultResult.Stream(1, 0, 0), List.of());

		assertThat(repeated.problems()).isEmpty();
	}

	@Test
	void everyLossDoubleOrFailedOrderBreaksThePromiseOnItsOwn() {
		FaultResult.Orders orders = new FaultResult.Orders(100, 5, 3, 0, 0, 0);
		FaultResult.Events events = new FaultResult.Events(400, 2, 0, 0);
		FaultResult.Webhooks webhooks = new FaultResult.Webhooks(100, 4, 0, 0);
		FaultResult.Stream stream = new FaultResult.Stream(1, 0, 0);

		assertThat(result(orders, events, webhooks, stream).problems()).isEmpty();
		assertThat(result(new FaultResult.Orders(100, 5, 3, 0, 1, 0), events, webhooks, stream).problems())
			.containsExactly("1 orders doubled");
		assertThat(result(new FaultResult.Orders(100, 5, 3, 0, 0, 2), events, webhooks, stream).problems())
			.containsExactly("2 orders rejected");
		assertThat(result(orders, new FaultResult.Events(400, 2, 3, 0), webhooks, stream).problems())
			.containsExactly("3 shipment events lost");
		assertThat(result(orders, new FaultResult.Events(400, 2, 0, 1), webhooks, stream).problems())
			.containsExactly("1 shipment events doubled");
		assertThat(result(orders, events, new FaultResult.Webhooks(100, 4, 1, 0), stream).problems())
			.containsExactly("1 webhook messages doubled");
		assertThat(result(orders, events, new FaultResult.Webhooks(100, 4, 0, 2), stream).problems())
			.containsExactly("2 webhook messages missing");
		assertThat(result(orders, events, webhooks, new FaultResult.Stream(1, 1, 0)).problems())
			.containsExactly("1 live stream gaps");
		assertThat(result(orders, events, webhooks, new FaultResult.Stream(1, 0, 1)).problems())
			.containsExactly("1 live stream duplicates");
	}

	@Test
	void theBaselineHasNoRestartToRecoverFrom() {
		FaultResult baseline = new FaultResult("none (baseline)", Instant.now(), Optional.empty(), Optional.empty(),
				new FaultResult.Orders(80, 0, 0, 0, 0, 0), new FaultResult.Events(300, 0, 0, 0),
				new FaultResult.Webhooks(160, 0, 0, 0), new FaultResult.Stream(0, 0, 0), List.of());

		assertThat(baseline.problems()).isEmpty();
		assertThat(new DrillReport(List.of(baseline)).table()).contains("| none (baseline) | — | — | 80 / 0 / 0 |");
	}

	private static FaultResult result(FaultResult.Orders orders, FaultResult.Events events,
			FaultResult.Webhooks webhooks, FaultResult.Stream stream) {
		return new FaultResult("gateway", Instant.now(), Optional.of(Duration.ofSeconds(8)),
				Optional.of(Duration.ofSeconds(10)), orders, events, webhooks, stream, List.of());
	}

	private static FaultResult result(String fault, long lost, long doubled, Optional<Duration> recovery) {
		return new FaultResult(fault, Instant.now(), Optional.of(Duration.ofSeconds(8)), recovery,
				new FaultResult.Orders(100, 2, 1, lost, doubled, 0), new FaultResult.Events(400, 3, 0, 0),
				new FaultResult.Webhooks(200, 0, 0, 0), new FaultResult.Stream(0, 0, 0), List.of());
	}
}

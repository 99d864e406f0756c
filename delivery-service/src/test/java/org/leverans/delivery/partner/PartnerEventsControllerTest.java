package org.leverans.delivery.partner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverans.web.caller.Caller;
import org.leverans.web.problem.ApiProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class PartnerEventsControllerTest {

	static final Caller NORDIC_FREIGHT = new Caller("nordic-freight", Set.of("CARRIER"), null, Set.of(),
			"nordic-freight");

	final ShipmentEventApplier applier = mock(ShipmentEventApplier.class);

	final PartnerProperties properties = new PartnerProperties(1000, Duration.ofMinutes(15), 1, Duration.ofMillis(100));

	final SharedTurns turns = new SharedTurns(this.applier, this.properties);

	final PartnerEventsController controller = new PartnerEventsController(this.turns, this.properties,
			Clock.systemUTC());

	@AfterEach
	void stop() throws InterruptedException {
		this.turns.destroy();
	}

	@Test
	void aBatchArrivingWhileEveryTurnIsTakenIsRefusedWith503AndRetryAfter() throws Exception {
		CountDownLatch applying = new CountDownLatch(1);
		CountDownLatch finish = new CountDownLatch(1);
		given(this.applier.applyTogether(anyList())).willAnswer(invocation -> {
			applying.countDown();
			finish.await(10, TimeUnit.SECONDS);
			return List.of(List.of(ShipmentEventApplier.Outcome.APPLIED));
		});
		CompletableFuture<BatchOutcome> first = CompletableFuture
			.supplyAsync(() -> this.controller.post(NORDIC_FREIGHT, event("nf-1")));
		assertThat(applying.await(10, TimeUnit.SECONDS)).isTrue();

		assertThatExceptionOfType(ApiProblem.class)
			.isThrownBy(() -> this.controller.post(NORDIC_FREIGHT, event("nf-2")))
			.satisfies(problem -> {
				assertThat(problem.getStatusCode().value()).isEqualTo(503);
				assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("1");
			});

		finish.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS).accepted()).isOne();
		assertThat(this.controller.post(NORDIC_FREIGHT, event("nf-3")).accepted()).as("the turn is free again")
			.isOne();
	}

	private static JsonNode event(String id) {
		return JsonMapper.builder().build().readTree("""
				{"eventId":"%s","trackingNumber":"NF0000000001","type":"IN_TRANSIT","occurredAt":"%s"}"""
			.formatted(id, Instant.now()));
	}
}

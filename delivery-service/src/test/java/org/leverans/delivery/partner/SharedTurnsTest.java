package org.leverans.delivery.partner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leverans.delivery.partner.ShipmentEventApplier.Outcome;
import org.leverans.delivery.partner.ShipmentEventApplier.Posting;
import org.leverans.web.problem.ApiProblem;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class SharedTurnsTest {

	final ShipmentEventApplier applier = mock(ShipmentEventApplier.class);

	/** The events of each turn the applier was given, by event id. */
	final List<List<String>> turns = Collections.synchronizedList(new ArrayList<>());

	final CountDownLatch firstTurnMayEnd = new CountDownLatch(1);

	/** Each request on a thread of its own, as Tomcat gives it. */
	final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();

	SharedTurns shared;

	@AfterEach
	void stop() throws InterruptedException {
		this.firstTurnMayEnd.countDown();
		if (this.shared != null) {
			this.shared.destroy();
		}
		this.requests.close();
	}

	@Test
	void requestsWaitingWhileEveryTurnIsTakenShareTheNextOneAndEachGetsItsOwnOutcomes() throws Exception {
		this.shared = turns(1, Duration.ofSeconds(10), posting -> posting.events().getFirst().eventId().startsWith("dup")
				? Outcome.DUPLICATE : Outcome.APPLIED);
		CompletableFuture<List<Outcome>> first = post("nf-1");
		await().until(() -> this.turns.size() == 1);

		CompletableFuture<List<Outcome>> second = postWaiting("nf-2", 1);
		CompletableFuture<List<Outcome>> duplicate = postWaiting("dup-3", 2);
		CompletableFuture<List<Outcome>> fourth = postWaiting("nf-4", 3);
		this.firstTurnMayEnd.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly(Outcome.APPLIED);
		assertThat(second.get(10, TimeUnit.SECONDS)).containsExactly(Outcome.APPLIED);
		assertThat(duplicate.get(10, TimeUnit.SECONDS)).containsExactly(Outcome.DUPLICATE);
		assertThat(fourth.get(10, TimeUnit.SECONDS)).containsExactly(Outcome.APPLIED);
		assertThat(this.turns).containsExactly(List.of("nf-1"), List.of("nf-2", "dup-3", "nf-4"));
	}

	@Test
	void aRequestNotTakenIntoATurnWithinTheAdmissionWaitIsRefusedWith503AndNeverApplied() throws Exception {
		this.shared = turns(1, Duration.ofMillis(100), posting -> Outcome.APPLIED);
		CompletableFuture<List<Outcome>> first = post("nf-1");
		await().until(() -> this.turns.size() == 1);

		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> this.shared.apply("nordic-freight", events("nf-2")))
			.satisfies(problem -> {
				assertThat(problem.getStatusCode().value()).isEqualTo(503);
				assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("1");
			});
		assertThat(this.shared.waiting()).as("withdrawn").isZero();

		this.firstTurnMayEnd.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly(Outcome.APPLIED);
		assertThat(this.shared.apply("nordic-freight", events("nf-3"))).as("a turn is free again")
			.containsExactly(Outcome.APPLIED);
		assertThat(this.turns).containsExactly(List.of("nf-1"), List.of("nf-3"));
	}

	@Test
	void whenATurnFailsEachOfItsRequestsIsTriedAloneSoOnlyTheFailingOneFails() throws Exception {
		this.shared = turns(1, Duration.ofSeconds(10), posting -> {
			if (posting.events().getFirst().eventId().equals("nf-broken")) {
				throw new DataAccessResourceFailureException("value too long for type character varying(100)");
			}
			return Outcome.APPLIED;
		});
		CompletableFuture<List<Outcome>> first = post("nf-1");
		await().until(() -> this.turns.size() == 1);
		CompletableFuture<List<Outcome>> before = postWaiting("nf-2", 1);
		CompletableFuture<List<Outcome>> broken = postWaiting("nf-broken", 2);
		CompletableFuture<List<Outcome>> after = postWaiting("nf-3", 3);
		this.firstTurnMayEnd.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly(Outcome.APPLIED);
		assertThat(before.get(10, TimeUnit.SECONDS)).containsExactly(Outcome.APPLIED);
		assertThat(after.get(10, TimeUnit.SECONDS)).containsExactly(Outcome.APPLIED);
		assertThat(broken).failsWithin(Duration.ofSeconds(10))
			.withThrowableThat()
			.havingRootCause()
			.isInstanceOf(DataAccessResourceFailureException.class);
		assertThat(this.turns).containsExactly(List.of("nf-1"), List.of("nf-2", "nf-broken", "nf-3"), List.of("nf-2"),
				List.of("nf-broken"), List.of("nf-3"));
	}

	@Test
	void stoppingLetsTheTurnUnderWayFinishAndRefusesWhatStillWaits() throws Exception {
		this.shared = turns(1, Duration.ofSeconds(10), posting -> Outcome.APPLIED);
		CompletableFuture<List<Outcome>> first = post("nf-1");
		await().until(() -> this.turns.size() == 1);
		CompletableFuture<List<Outcome>> waiting = postWaiting("nf-2", 1);

		CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
			try {
				this.shared.destroy();
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}, this.requests);
		await().until(this.shared::stopping);
		this.firstTurnMayEnd.countDown();
		stopped.get(10, TimeUnit.SECONDS);

		assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly(Outcome.APPLIED);
		assertThat(waiting).failsWithin(Duration.ofSeconds(10))
			.withThrowableThat()
			.havingRootCause()
			.isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.getStatusCode().value()).isEqualTo(503));
		assertThat(this.turns).containsExactly(List.of("nf-1"));
	}

	/** Turns over a mock applier that records each turn and holds the first until the test lets it end. */
	private SharedTurns turns(int concurrent, Duration admissionWait, Function<Posting, Outcome> outcome) {
		given(this.applier.applyTogether(anyList())).willAnswer(invocation -> {
			List<Posting> postings = invocation.getArgument(0);
			boolean first = this.turns.isEmpty();
			this.turns.add(postings.stream().flatMap(p -> p.events().stream()).map(PartnerEvent::eventId).toList());
			if (first) {
				this.firstTurnMayEnd.await(10, TimeUnit.SECONDS);
			}
			List<List<Outcome>> outcomes = new ArrayList<>();
			for (Posting posting : postings) {
				outcomes.add(List.of(outcome.apply(posting)));
			}
			return outcomes;
		});
		return new SharedTurns(this.applier,
				new PartnerProperties(1000, Duration.ofMinutes(15), concurrent, admissionWait));
	}

	private CompletableFuture<List<Outcome>> post(String eventId) {
		return CompletableFuture.supplyAsync(() -> this.shared.apply("nordic-freight", events(eventId)), this.requests);
	}

	/** Posts, and returns once the request waits for a turn as the given one in line. */
	private CompletableFuture<List<Outcome>> postWaiting(String eventId, int inLine) {
		CompletableFuture<List<Outcome>> posted = post(eventId);
		await().until(() -> this.shared.waiting() == inLine);
		return posted;
	}

	private static List<PartnerEvent> events(String eventId) {
		return List.of(new PartnerEvent(0, eventId, null, "NF0000000001", PartnerEventType.IN_TRANSIT, Instant.now(),
				null, null, null, null));
	}
}

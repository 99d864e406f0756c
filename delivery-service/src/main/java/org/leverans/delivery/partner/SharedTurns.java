package org.leverans.delivery.partner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.context.ContextSnapshotFactory;
import org.leverans.delivery.partner.ShipmentEventApplier.Outcome;
import org.leverans.delivery.partner.ShipmentEventApplier.Posting;
import org.leverans.web.problem.ApiProblem;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Posted events wait here for a turn, and the requests waiting when a turn comes up share it: their events are applied
 * in one transaction. A carrier that posts each event on its own, as many do, cost a commit and six statements per
 * event when each request had a transaction of its own (docs/performance.md, session 17); now such requests cost that
 * once per turn. An idle instance still applies a request as soon as it arrives, since a free turn takes whatever is
 * waiting, however little.
 * <p>
 * At most {@code concurrentBatches} turns run at once, fewer than the connection pool holds, so the outbox relay and
 * the consumers always find a connection. A request not taken into a turn within {@code admissionWait} is withdrawn
 * and refused with 503 and Retry-After, which a carrier's retry handles safely; one already taken waits for its
 * outcome, so a refusal always means nothing of it was applied.
 */
@Component
class SharedTurns implements DisposableBean {

	private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

	/** How long a turn-taker waits for work before it looks whether the instance is stopping. */
	private static final Duration IDLE_CHECK = Duration.ofSeconds(1);

	private final ShipmentEventApplier applier;

	private final Duration admissionWait;

	private final int maxEventsPerTurn;

	private final BlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();

	private final ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();

	private final List<Thread> turnTakers = new ArrayList<>();

	private volatile boolean stopping;

	SharedTurns(ShipmentEventApplier applier, PartnerProperties properties) {
		this.applier = applier;
		this.admissionWait = properties.admissionWait();
		this.maxEventsPerTurn = properties.maxBatchSize();
		for (int i = 1; i <= properties.concurrentBatches(); i++) {
			this.turnTakers.add(Thread.ofPlatform().daemon().name("partner-turn-" + i).start(this::takeTurns));
		}
	}

	/**
	 * Applies a carrier's events in the next turn, with the trace of the request that posted them.
	 * @return each event's outcome, in the order given
	 */
	List<Outcome> apply(String carrier, List<PartnerEvent> events) {
		Waiting posted = new Waiting(new Posting(carrier, events, this.snapshots.captureAll()));
		if (this.stopping) {
			throw refused();
		}
		this.waiting.add(posted);
		return posted.outcomes();
	}

	/** How many requests wait for a turn now. */
	int waiting() {
		return this.waiting.size();
	}

	boolean stopping() {
		return this.stopping;
	}

	private void takeTurns() {
		while (!this.stopping) {
			Waiting first;
			try {
				first = this.waiting.poll(IDLE_CHECK.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				return;
			}
			if (first == null) {
				continue;
			}
			List<Waiting> turn = new ArrayList<>();
			int events = 0;
			for (Waiting next = first; next != null; next = (events < this.maxEventsPerTurn) ? this.waiting.poll() : null) {
				if (next.take()) {
					turn.add(next);
					events += next.posting.events().size();
				}
			}
			if (!turn.isEmpty()) {
				take(turn);
			}
		}
	}

	private void take(List<Waiting> turn) {
		List<List<Outcome>> outcomes;
		try {
			outcomes = this.applier.applyTogether(turn.stream().map(waiting -> waiting.posting).toList());
		}
		catch (RuntimeException | Error ex) {
			if (turn.size() == 1) {
				turn.getFirst().fail(ex);
				return;
			}
			// One request's failure must not become the others': each is tried again in a turn of its own.
			turn.forEach(posted -> take(List.of(posted)));
			return;
		}
		for (int i = 0; i < turn.size(); i++) {
			turn.get(i).complete(outcomes.get(i));
		}
	}

	/** Lets the turns under way finish; requests still waiting are refused, and their carriers send them again. */
	@Override
	public void destroy() throws InterruptedException {
		this.stopping = true;
		for (Thread taker : this.turnTakers) {
			taker.join(Duration.ofSeconds(30));
		}
		for (Waiting posted = this.waiting.poll(); posted != null; posted = this.waiting.poll()) {
			if (posted.withdraw()) {
				posted.fail(refused());
			}
		}
	}

	private static ApiProblem refused() {
		return ApiProblem.unavailable("Too many event batches at once; send this one again shortly.", RETRY_AFTER);
	}

	/** A request's events as they wait for a turn, and then their outcomes. */
	private final class Waiting {

		private static final int WAITING = 0;

		private static final int TAKEN = 1;

		private static final int WITHDRAWN = 2;

		private final Posting posting;

		private final AtomicInteger state = new AtomicInteger(WAITING);

		private final CompletableFuture<List<Outcome>> outcomes = new CompletableFuture<>();

		Waiting(Posting posting) {
			this.posting = posting;
		}

		private boolean take() {
			return this.state.compareAndSet(WAITING, TAKEN);
		}

		private boolean withdraw() {
			return this.state.compareAndSet(WAITING, WITHDRAWN);
		}

		private void complete(List<Outcome> applied) {
			this.outcomes.complete(applied);
		}

		private void fail(Throwable failure) {
			this.outcomes.completeExceptionally(failure);
		}

		private List<Outcome> outcomes() {
			try {
				return this.outcomes.get(SharedTurns.this.admissionWait.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException | InterruptedException ex) {
				if (ex instanceof InterruptedException) {
					Thread.currentThread().interrupt();
				}
				if (withdraw()) {
					SharedTurns.this.waiting.remove(this);
					throw refused();
				}
				// Taken into a turn already: its outcome follows as that turn commits or fails.
				try {
					return this.outcomes.join();
				}
				catch (CompletionException failed) {
					throw rethrown(failed.getCause());
				}
			}
			catch (ExecutionException failed) {
				throw rethrown(failed.getCause());
			}
		}

		private static RuntimeException rethrown(Throwable cause) {
			return (cause instanceof RuntimeException runtime) ? runtime : new IllegalStateException(cause);
		}
	}
}

package org.leverans.drill.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.leverans.bench.partner.CarrierClient;
import org.leverans.bench.partner.EventBodies;
import org.leverans.bench.partner.PartnerPost;

/**
 * A carrier's shipment events at a steady rate, in POSTs of {@code batch}, until stopped. Then, as a carrier's
 * integration does, it posts every body that was not answered with 202 again, unchanged, until it is: an event the
 * platform had applied before the answer got lost must then count as a duplicate, never twice.
 */
public final class EventLoad {

	private static final int RETRIES = 10;

	private final CarrierClient carrier;

	private final EventBodies bodies;

	private final double postsPerSecond;

	private final int batch;

	private final List<Sent> sent = new ArrayList<>();

	private volatile boolean running = true;

	private final Thread sender;

	private EventLoad(CarrierClient carrier, EventBodies bodies, double eventsPerSecond, int batch) {
		this.carrier = carrier;
		this.bodies = bodies;
		this.postsPerSecond = eventsPerSecond / batch;
		this.batch = batch;
		this.sender = Thread.ofPlatform().name("drill-events").daemon().start(this::send);
	}

	public static EventLoad start(CarrierClient carrier, EventBodies bodies, double eventsPerSecond, int batch) {
		return new EventLoad(carrier, bodies, eventsPerSecond, batch);
	}

	private void send() {
		long start = System.nanoTime();
		for (long n = 0; this.running; n++) {
			long due = start + Math.round(n * 1e9 / this.postsPerSecond);
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			if (!this.running) {
				return;
			}
			EventBodies.Body body = this.bodies.next(this.batch, Instant.now());
			Sent post = new Sent(body, this.carrier.post(body, due));
			synchronized (this.sent) {
				this.sent.add(post);
			}
		}
	}

	/**
	 * Stops offering, waits for every answer, and posts each body that did not get a 202 again until it does (in
	 * rounds, a second apart, at most {@value #RETRIES}).
	 * @return per body, the first answer and the last
	 */
	public List<Delivery> stop() throws InterruptedException {
		this.running = false;
		this.sender.interrupt();
		this.sender.join();
		List<Sent> posts;
		synchronized (this.sent) {
			posts = List.copyOf(this.sent);
		}
		List<PartnerPost> first = new ArrayList<>(posts.size());
		for (Sent post : posts) {
			first.add(answer(post.answer(), post.body()));
		}
		List<PartnerPost> last = new ArrayList<>(first);
		for (int round = 0; round < RETRIES && last.stream().anyMatch((post) -> post.status() != 202); round++) {
			Thread.sleep(1000);
			List<Integer> again = new ArrayList<>();
			List<CompletableFuture<PartnerPost>> answers = new ArrayList<>();
			for (int i = 0; i < posts.size(); i++) {
				if (last.get(i).status() != 202) {
					again.add(i);
					answers.add(this.carrier.post(posts.get(i).body(), System.nanoTime()));
				}
			}
			for (int j = 0; j < again.size(); j++) {
				int i = again.get(j);
				last.set(i, answer(answers.get(j), posts.get(i).body()));
			}
		}
		List<Delivery> deliveries = new ArrayList<>(posts.size());
		for (int i = 0; i < posts.size(); i++) {
			deliveries.add(new Delivery(first.get(i), last.get(i), first.get(i) != last.get(i)));
		}
		return deliveries;
	}

	private static PartnerPost answer(CompletableFuture<PartnerPost> answer, EventBodies.Body body) {
		try {
			return answer.get(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			return new PartnerPost(-1, 60_000, body.eventIds().size(), 0, 0, 0, body.eventIds());
		}
	}

	private record Sent(EventBodies.Body body, CompletableFuture<PartnerPost> answer) {
	}

	/**
	 * One body of events: its first answer and, after any retries, its last.
	 * @param retried whether the body had to be posted again
	 */
	public record Delivery(PartnerPost first, PartnerPost last, boolean retried) {

		/** Every event of the body was applied by one of the POSTs, so each must be stored, once. */
		public boolean applied() {
			return this.last.status() == 202 && this.last.rejected() == 0
					&& this.last.accepted() + this.last.duplicates() == this.last.events();
		}

		/** Events the platform took for repeats although this was their first POST. */
		public int mistakenForRepeats() {
			return (this.first.status() == 202) ? this.first.duplicates() : 0;
		}
	}
}

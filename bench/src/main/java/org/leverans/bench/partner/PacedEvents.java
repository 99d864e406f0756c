package org.leverans.bench.partner;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.leverans.bench.load.Schedule;

/**
 * Posts a carrier's events open loop: batches (or single events) at their due times, whatever the platform answers,
 * and beside them a probe event on its own every half second, timed to the buyer's live stream.
 */
public final class PacedEvents {

	private static final long PROBE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

	private final CarrierClient carrier;

	public PacedEvents(CarrierClient carrier) {
		this.carrier = carrier;
	}

	/**
	 * @param schedule when each POST is due
	 * @param batch events per POST
	 */
	public List<PartnerPost> run(Schedule schedule, int batch, EventBodies load, ProbeEvents probes)
			throws Exception {
		List<CompletableFuture<PartnerPost>> answers = new ArrayList<>(schedule.requests());
		long start = System.nanoTime();
		long nextProbe = start;
		for (int n = 0; n < schedule.requests(); n++) {
			long due = start + schedule.dueNanos(n);
			while (nextProbe < due) {
				waitUntil(nextProbe);
				probes.send(this.carrier);
				nextProbe += PROBE_INTERVAL_NANOS;
			}
			waitUntil(due);
			answers.add(this.carrier.post(load.next(batch, Instant.now()), due));
		}
		List<PartnerPost> posts = new ArrayList<>(answers.size());
		for (CompletableFuture<PartnerPost> answer : answers) {
			posts.add(answer.get(60, TimeUnit.SECONDS));
		}
		return posts;
	}

	private static void waitUntil(long nanos) {
		long wait = nanos - System.nanoTime();
		if (wait > 0) {
			LockSupport.parkNanos(wait);
		}
	}

	/** The probe events: one shipment, each event told apart by its own {@code occurredAt}. */
	public static final class ProbeEvents {

		private final String prefix;

		private final CarrierClient.Shipment shipment;

		private final LiveStreamProbe stream;

		private Instant last = Instant.EPOCH;

		private int next;

		public ProbeEvents(String prefix, CarrierClient.Shipment shipment, LiveStreamProbe stream) {
			this.prefix = prefix;
			this.shipment = shipment;
			this.stream = stream;
		}

		void send(CarrierClient carrier) {
			Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
			Instant occurredAt = now.isAfter(this.last) ? now : this.last.plusMillis(1);
			this.last = occurredAt;
			String id = this.prefix + "probe-" + this.next++;
			String json = """
					{"eventId":"%s","trackingNumber":"%s","type":"ETA_UPDATED","occurredAt":"%s","eta":"%s"}"""
				.formatted(id, this.shipment.trackingNumber(), occurredAt, occurredAt.plus(2, ChronoUnit.HOURS));
			this.stream.sending(occurredAt);
			carrier.post(new EventBodies.Body(json, List.of(id)), System.nanoTime()).thenAccept(post -> {
				if (post.accepted() != 1) {
					this.stream.refused(occurredAt);
				}
			});
		}
	}
}

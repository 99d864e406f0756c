package org.leverans.bench.partner;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The events a carrier sends on a busy day: its trucks in transit, each scan or new estimate an event, spread over
 * its shipments. Every event id is new (this run's prefix and a counter), so each one must be applied exactly once.
 */
public final class EventBodies {

	private final String prefix;

	private final List<CarrierClient.Shipment> shipments;

	private long next;

	/** @param prefix starts every event id of this run, so its events can be found again */
	public EventBodies(String prefix, List<CarrierClient.Shipment> shipments) {
		if (shipments.isEmpty()) {
			throw new IllegalArgumentException("No shipments to report on");
		}
		this.prefix = prefix;
		this.shipments = List.copyOf(shipments);
	}

	/** A body and the ids of the events in it. */
	public record Body(String json, List<String> eventIds) {
	}

	/** A body of {@code count} events: a batch, or for one event, the event on its own as the API also takes. */
	public Body next(int count, Instant now) {
		StringJoiner events = new StringJoiner(",");
		List<String> ids = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			ids.add(this.prefix + this.next);
			events.add(event(now));
		}
		return new Body((count == 1) ? events.toString() : "{\"events\":[" + events + "]}", ids);
	}

	private String event(Instant now) {
		long n = this.next++;
		CarrierClient.Shipment shipment = this.shipments.get((int) (n % this.shipments.size()));
		Instant occurredAt = now.truncatedTo(ChronoUnit.MILLIS);
		if (n % 2 == 0) {
			return """
					{"eventId":"%s%d","trackingNumber":"%s","type":"IN_TRANSIT","occurredAt":"%s",\
					"position":{"lat":60.2,"lon":24.9}}""".formatted(this.prefix, n, shipment.trackingNumber(), occurredAt);
		}
		return """
				{"eventId":"%s%d","trackingNumber":"%s","type":"ETA_UPDATED","occurredAt":"%s","eta":"%s"}"""
			.formatted(this.prefix, n, shipment.trackingNumber(), occurredAt, occurredAt.plus(Duration.ofHours(2)));
	}
}

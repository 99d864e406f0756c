package org.leverans.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One shipment on its way: its planned events, the clock they run on, and how many have been reported. Events
 * become due when their (compressed) moment has passed; a batch is only marked reported once the API took it, so
 * a failed post is resent with the same event ids.
 */
public final class Journey {

	private final ManifestShipment shipment;

	private final List<PlannedEvent> events;

	private final CompressedClock clock;

	private int reported;

	public Journey(ManifestShipment shipment, List<PlannedEvent> events, CompressedClock clock) {
		this.shipment = shipment;
		this.events = List.copyOf(events);
		this.clock = clock;
	}

	public ManifestShipment shipment() {
		return this.shipment;
	}

	/** The events whose moment is at or before {@code now} and that have not been reported yet, as the API wants them. */
	public List<Map<String, Object>> due(Instant now) {
		List<Map<String, Object>> due = new ArrayList<>();
		for (PlannedEvent event : this.events.subList(this.reported, this.events.size())) {
			Instant occurredAt = this.clock.realInstantOf(event.at());
			if (occurredAt.isAfter(now)) {
				break;
			}
			due.add(body(event, occurredAt));
		}
		return due;
	}

	/** The first {@code count} due events were taken by the API. */
	public void reported(int count) {
		this.reported = Math.min(this.events.size(), this.reported + count);
	}

	public boolean finished() {
		return this.reported == this.events.size();
	}

	private Map<String, Object> body(PlannedEvent event, Instant occurredAt) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("eventId", eventId(this.shipment, event));
		body.put("trackingNumber", this.shipment.trackingNumber());
		body.put("type", event.type());
		// whole seconds, as trackers report them; truncating keeps it in the past
		body.put("occurredAt", occurredAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
		if (event.eta() != null) {
			body.put("eta", this.clock.realInstantOf(event.eta()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
				.toString());
		}
		body.put("position", Map.of("lat", event.position().lat(), "lon", event.position().lon()));
		if (event.signedBy() != null) {
			body.put("proofOfDelivery", Map.of("signedBy", event.signedBy(), "note", "Delivered by the demo simulator"));
		}
		return body;
	}

	/** Stable per shipment and step, so a resend after a restart is recognised as a duplicate. */
	static String eventId(ManifestShipment shipment, PlannedEvent event) {
		return "sim-" + shipment.trackingNumber() + "-" + event.sequence();
	}
}

package org.leverans.delivery.window;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.leverans.contracts.shipment.DeliveryWindow;

/**
 * Draws the delivery window a buyer sees from the evidence at hand: the planned slot (PLANNED), a window around the
 * carrier's ETA that narrows as arrival nears (CARRIER_ETA), the same moved and sized by how this carrier's ETAs
 * have turned out lately (PREDICTED), and finally the actual arrival (ACTUAL).
 */
public class DeliveryWindowPolicy {

	public static final String PLANNED = "PLANNED";

	public static final String CARRIER_ETA = "CARRIER_ETA";

	public static final String PREDICTED = "PREDICTED";

	public static final String ACTUAL = "ACTUAL";

	private final WindowProperties properties;

	public DeliveryWindowPolicy(WindowProperties properties) {
		this.properties = properties;
	}

	public static DeliveryWindow planned(LocalDate date, LocalTime from, LocalTime to, ZoneId zone, Instant now) {
		Instant start = date.atTime(from).atZone(zone).toInstant();
		Instant end = date.atTime(to).atZone(zone).toInstant();
		return new DeliveryWindow(start, end.isBefore(start) ? start : end, PLANNED, now);
	}

	public DeliveryWindow current(WindowEvidence evidence, ArrivalErrors carrierErrors, Instant now) {
		if (evidence.deliveredAt() != null) {
			return new DeliveryWindow(evidence.deliveredAt(), evidence.deliveredAt(), ACTUAL, now);
		}
		if (evidence.eta() == null) {
			return new DeliveryWindow(evidence.plannedFrom(), evidence.plannedTo(), PLANNED, now);
		}
		Instant eta = evidence.eta();
		// The shipment's own progress tells the time too: a carrier's event at 10:00 means it is at least 10:00.
		Instant knownAt = latest(now, evidence.latestEventAt());
		Duration margin = marginFor(Duration.between(knownAt, eta));
		if (carrierErrors.samples() < this.properties.prediction().minSamples()) {
			return new DeliveryWindow(eta.minus(margin), eta.plus(margin), CARRIER_ETA, now);
		}
		Duration shift = clamp(carrierErrors.median(), this.properties.prediction().maxShift());
		// A carrier whose arrivals scatter widely gets a window at least as wide as that scatter.
		Duration spread = carrierErrors.late().minus(carrierErrors.early()).dividedBy(2);
		Duration halfWidth = max(margin, spread);
		Instant centre = eta.plus(shift);
		return new DeliveryWindow(centre.minus(halfWidth), centre.plus(halfWidth), PREDICTED, now);
	}

	/** Whether buyers should be told: either end moved by more than the configured threshold. */
	public boolean movedNotably(DeliveryWindow before, DeliveryWindow after) {
		if (before == null) {
			return true;
		}
		Duration threshold = this.properties.changeThreshold();
		return Duration.between(before.from(), after.from()).abs().compareTo(threshold) > 0
				|| Duration.between(before.to(), after.to()).abs().compareTo(threshold) > 0;
	}

	public static boolean sameWindow(DeliveryWindow a, DeliveryWindow b) {
		return a.from().equals(b.from()) && a.to().equals(b.to()) && a.basis().equals(b.basis());
	}

	Duration marginFor(Duration ahead) {
		for (WindowProperties.EtaMargin band : this.properties.etaMargins()) {
			if (ahead.compareTo(band.aheadOver()) > 0) {
				return band.margin();
			}
		}
		return this.properties.etaMargins().getLast().margin();
	}

	private static Instant latest(Instant a, Instant b) {
		return (b != null && b.isAfter(a)) ? b : a;
	}

	private static Duration clamp(Duration value, Duration limit) {
		if (value.compareTo(limit) > 0) {
			return limit;
		}
		return (value.compareTo(limit.negated()) < 0) ? limit.negated() : value;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}
}

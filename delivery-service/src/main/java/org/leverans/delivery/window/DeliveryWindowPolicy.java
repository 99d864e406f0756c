package org.leverans.delivery.window;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.WindowConfidence;
import org.leverans.delivery.shipment.Shipment;

/**
 * Draws the delivery window a buyer sees from the evidence at hand: the planned slot (PLANNED), a window around the
 * carrier's latest ETA (CARRIER_ETA with fixed margins that narrow as arrival nears, PREDICTED once the carrier's
 * past deliveries calibrate it), and finally the actual arrival (ACTUAL). Each window says how sure it is.
 */
public class DeliveryWindowPolicy {

	public static final String PLANNED = "PLANNED";

	public static final String CARRIER_ETA = "CARRIER_ETA";

	public static final String PREDICTED = "PREDICTED";

	public static final String ACTUAL = "ACTUAL";

	// The promise a receiver books a crane by: within an hour and a half, a window of at most an hour; within four
	// hours, at most two.
	private static final List<UsualWidth> USUAL_WIDTHS = List.of(
			new UsualWidth(Duration.ofMinutes(90), Duration.ofMinutes(60)),
			new UsualWidth(Duration.ofHours(4), Duration.ofHours(2)));

	private final WindowProperties properties;

	public DeliveryWindowPolicy(WindowProperties properties) {
		this.properties = properties;
	}

	public static DeliveryWindow planned(LocalDate date, LocalTime from, LocalTime to, ZoneId zone, Instant now) {
		Instant start = date.atTime(from).atZone(zone).toInstant();
		Instant end = date.atTime(to).atZone(zone).toInstant();
		return new DeliveryWindow(start, end.isBefore(start) ? start : end, PLANNED, now);
	}

	/** The slot the shipment was planned in. */
	public static DeliveryWindow planned(Shipment shipment) {
		return planned(shipment.plannedDate(), shipment.slotFrom(), shipment.slotTo(), shipment.zone(),
				shipment.plannedAt());
	}

	public DeliveryWindow current(WindowEvidence evidence, CarrierCalibration calibration, Instant now) {
		if (evidence.deliveredAt() != null) {
			return new DeliveryWindow(evidence.deliveredAt(), evidence.deliveredAt(), ACTUAL, now,
					WindowConfidence.actual());
		}
		if (evidence.eta() == null) {
			// How this carrier's deliveries land against the slots they were planned in.
			CarrierCalibration.WindowBounds bounds = calibration.bounds(Horizon.PLANNED_SLOT, Duration.ZERO,
					Duration.ZERO);
			return window(evidence.plannedFrom().plus(bounds.from()), evidence.plannedTo().plus(bounds.to()), PLANNED,
					now, bounds.confidence());
		}
		Instant eta = evidence.eta();
		// The shipment's own progress tells the time too: a carrier's event at 10:00 means it is at least 10:00.
		Instant knownAt = latest(now, evidence.latestEventAt());
		Duration ahead = Duration.between(knownAt, eta);
		Duration margin = marginFor(ahead);
		Instant givenAt = (evidence.etaGivenAt() != null) ? evidence.etaGivenAt() : knownAt;
		// Calibrated by how far ahead the ETA lies now and how far it lay when given: an ETA given five hours ago does
		// not grow as accurate as a fresh one as its moment nears, and one that has passed says the truck is late.
		// And by how long ago it was given, where the carrier's evidence allows: an hour before arrival, the ETA given
		// half an hour ago still stands only where the truck is later than that ETA said, unlike a fresh one as far ahead.
		List<Duration> ages = this.properties.calibration().etaAges();
		Horizon horizon = Horizon.of(HorizonBand.ofEtaAhead(ahead), EtaNotice.of(Duration.between(givenAt, eta)),
				ages.isEmpty() ? null : EtaAge.of(Duration.between(givenAt, knownAt), ages));
		CarrierCalibration.WindowBounds bounds = calibration.bounds(horizon, margin.negated(), margin);
		String basis = WindowConfidence.DEFAULT_MARGINS.equals(bounds.confidence().kind()) ? CARRIER_ETA : PREDICTED;
		return window(eta.plus(bounds.from()), eta.plus(bounds.to()), basis, now, bounds.confidence());
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
		return a.from().equals(b.from()) && a.to().equals(b.to()) && a.basis().equals(b.basis())
				&& Objects.equals(a.confidence(), b.confidence());
	}

	Duration marginFor(Duration ahead) {
		for (WindowProperties.EtaMargin band : this.properties.etaMargins()) {
			if (ahead.compareTo(band.aheadOver()) > 0) {
				return band.margin();
			}
		}
		return this.properties.etaMargins().getLast().margin();
	}

	private static DeliveryWindow window(Instant from, Instant to, String basis, Instant now,
			WindowConfidence confidence) {
		Instant end = to.isBefore(from) ? from : to;
		boolean estimated = CARRIER_ETA.equals(basis) || PREDICTED.equals(basis);
		return new DeliveryWindow(from, end, basis, now, (estimated && confidence != null)
				? confidence.widerThanUsual(usualWidthExceeded(from, end, now)) : confidence);
	}

	/**
	 * The width a receiver books a crane by, this close to the window (docs/delivery-window.md, "Targets"), when the
	 * window is wider than that; else null. A planned slot is the slot the buyer asked for, so only estimates say so.
	 */
	static Integer usualWidthExceeded(Instant from, Instant to, Instant now) {
		Duration width = Duration.between(from, to);
		Instant middle = from.plus(width.dividedBy(2));
		Duration untilMiddle = Duration.between(now, middle);
		for (UsualWidth usual : USUAL_WIDTHS) {
			if (untilMiddle.compareTo(usual.within()) <= 0) {
				return (width.compareTo(usual.width()) > 0) ? (int) usual.width().toMinutes() : null;
			}
		}
		return null;
	}

	private record UsualWidth(Duration within, Duration width) {
	}

	private static Instant latest(Instant a, Instant b) {
		return (b != null && b.isAfter(a)) ? b : a;
	}
}

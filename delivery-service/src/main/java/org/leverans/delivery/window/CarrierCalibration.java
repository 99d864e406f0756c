package org.leverans.delivery.window;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.leverans.contracts.shipment.WindowConfidence;

/**
 * What is known about one carrier's arrivals, per {@link Horizon}: its own conformal bounds and every carrier's.
 * Draws the bounds of a window from them, given the fixed margins the window would have without any evidence.
 *
 * <p>
 * Where the carrier's own evidence weighs at least {@code sufficient-weight} deliveries, the window rests on it alone:
 * by the ETA's notice and age as well as its band when even that is plentiful, else by its notice, else by the band. While a band has less,
 * its bounds are shrunk towards every carrier's, and those towards the fixed margins: each level counts
 * {@code n / (n + prior-strength)}, n being the weight of its samples. Shrinking may widen a window but never makes it
 * narrower than the carrier's own evidence: not narrower than its own bounds when those reach the coverage, nor (for
 * ETAs) than the earliest and latest arrival it has shown otherwise. A window says it is {@code CALIBRATED} at the
 * target coverage only when the carrier's own samples reach that coverage.
 */
public record CarrierCalibration(Map<Horizon, ConformalBounds> own, Map<Horizon, ConformalBounds> pooled,
		double coverage, int priorStrength, double sufficientWeight) {

	CarrierCalibration(Map<Horizon, ConformalBounds> own, Map<Horizon, ConformalBounds> pooled,
			WindowProperties.Calibration properties) {
		this(own, pooled, properties.coverage(), properties.priorStrength(), properties.sufficientWeight());
	}

	/** No deliveries yet, anywhere: every window keeps its fixed margins. */
	public static CarrierCalibration none(WindowProperties.Calibration properties) {
		return new CarrierCalibration(Map.of(), Map.of(), properties);
	}

	/**
	 * @param fixedFrom where the window would start, relative to what is expected, without any evidence (e.g. minus
	 * the ETA margin)
	 * @param fixedTo where it would end
	 */
	public WindowBounds bounds(Horizon horizon, Duration fixedFrom, Duration fixedTo) {
		// Finest first: by the ETA's notice and age, then its notice, then the band alone.
		List<Horizon> finer = new ArrayList<>();
		if (horizon.age() != null) {
			finer.add(horizon);
		}
		if (horizon.notice() != null) {
			finer.add(horizon.anyAge());
		}
		finer.add(horizon.anyNotice());
		for (Horizon finest : finer) {
			ConformalBounds carrier = this.own.getOrDefault(finest, ConformalBounds.NONE);
			if (carrier.reachesCoverage() && carrier.weight() >= this.sufficientWeight) {
				return new WindowBounds(carrier.from(), carrier.to(),
						WindowConfidence.calibrated(carrier.deliveries(), this.coverage));
			}
		}
		return shrunk(horizon.anyNotice(), fixedFrom, fixedTo);
	}

	private WindowBounds shrunk(Horizon horizon, Duration fixedFrom, Duration fixedTo) {
		ConformalBounds carrier = this.own.getOrDefault(horizon, ConformalBounds.NONE);
		ConformalBounds everyone = this.pooled.getOrDefault(horizon, ConformalBounds.NONE);
		Duration from = fixedFrom;
		Duration to = fixedTo;
		if (everyone.reachesCoverage()) {
			from = shrink(everyone.from(), from, everyone.weight());
			to = shrink(everyone.to(), to, everyone.weight());
		}
		if (carrier.reachesCoverage()) {
			from = min(shrink(carrier.from(), from, carrier.weight()), carrier.from());
			to = max(shrink(carrier.to(), to, carrier.weight()), carrier.to());
			return new WindowBounds(from, to, WindowConfidence.calibrated(carrier.deliveries(), this.coverage));
		}
		// The requested slot is what the buyer agreed to; it moves only on evidence that reaches the coverage.
		if (carrier.deliveries() > 0 && horizon.band() != HorizonBand.PLANNED_SLOT) {
			from = min(from, carrier.earliest());
			to = max(to, carrier.latest());
		}
		if (everyone.reachesCoverage()) {
			return new WindowBounds(from, to, WindowConfidence.pooled(everyone.deliveries(), this.coverage));
		}
		return new WindowBounds(from, to, WindowConfidence.defaultMargins(carrier.deliveries()));
	}

	private Duration shrink(Duration evidence, Duration prior, double weight) {
		double share = weight / (weight + this.priorStrength);
		long seconds = Math.round(share * evidence.toSeconds() + (1 - share) * prior.toSeconds());
		return Duration.ofSeconds(seconds);
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/** Offsets from what is expected (the ETA, or the slot's start and end) and how sure the window is. */
	public record WindowBounds(Duration from, Duration to, WindowConfidence confidence) {
	}
}

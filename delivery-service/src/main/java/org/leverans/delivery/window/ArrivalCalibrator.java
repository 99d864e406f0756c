package org.leverans.delivery.window;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns delivered shipments into a carrier's calibration: conformal bounds per horizon band from the carrier's own
 * deliveries, and the same from every carrier's, to shrink towards while the carrier's own are few. The most recent
 * delivery weighs one and the weight halves every {@code half-life} deliveries, so the window follows a carrier that
 * drifts. Deliveries that were rescheduled rather than late or early teach nothing about the window's width.
 */
public class ArrivalCalibrator {

	private final WindowProperties.Calibration properties;

	public ArrivalCalibrator(WindowProperties.Calibration properties) {
		this.properties = properties;
	}

	/**
	 * @param carrierRecent the carrier's delivered shipments, most recent first
	 * @param allRecent every carrier's delivered shipments, most recent first
	 */
	public CarrierCalibration calibrate(List<DeliveryOutcome> carrierRecent, List<DeliveryOutcome> allRecent) {
		return new CarrierCalibration(bounds(carrierRecent), bounds(allRecent), this.properties.coverage(),
				this.properties.priorStrength());
	}

	Map<HorizonBand, ConformalBounds> bounds(List<DeliveryOutcome> recentFirst) {
		Map<HorizonBand, List<ConformalBounds.Weighted>> samples = new EnumMap<>(HorizonBand.class);
		Map<HorizonBand, Integer> deliveries = new EnumMap<>(HorizonBand.class);
		int considered = Math.min(recentFirst.size(), this.properties.maxDeliveries());
		for (int rank = 0; rank < considered; rank++) {
			DeliveryOutcome outcome = recentFirst.get(rank);
			double weight = recencyWeight(rank);
			Map<HorizonBand, List<ArrivalSample>> byBand = new EnumMap<>(HorizonBand.class);
			for (ArrivalSample sample : outcome.samples()) {
				if (rescheduled(sample)) {
					continue;
				}
				byBand.computeIfAbsent(sample.band(), band -> new ArrayList<>()).add(sample);
			}
			// Several ETAs of one delivery in a band are one piece of evidence, not several: they share its weight.
			byBand.forEach((band, inBand) -> {
				List<ConformalBounds.Weighted> into = samples.computeIfAbsent(band, b -> new ArrayList<>());
				for (ArrivalSample sample : inBand) {
					into.add(new ConformalBounds.Weighted(sample, weight / inBand.size()));
				}
				deliveries.merge(band, 1, Integer::sum);
			});
		}
		Map<HorizonBand, ConformalBounds> bounds = new EnumMap<>(HorizonBand.class);
		samples.forEach((band, weighted) -> bounds.put(band,
				ConformalBounds.of(weighted, deliveries.get(band), this.properties.coverage())));
		return bounds;
	}

	/**
	 * A delivery that came a day early or the day after was moved, by the buyer, the supplier or the carrier; a window
	 * wide enough to hold it would tell the receiver nothing. The accuracy report still counts it as a miss.
	 */
	boolean rescheduled(ArrivalSample sample) {
		Duration bound = this.properties.rescheduledBeyond();
		return sample.fromError().compareTo(bound.negated()) < 0 || sample.toError().compareTo(bound) > 0;
	}

	double recencyWeight(int rank) {
		return Math.pow(0.5, (double) rank / this.properties.halfLife());
	}
}

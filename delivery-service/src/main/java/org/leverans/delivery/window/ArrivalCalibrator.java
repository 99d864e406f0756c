package org.leverans.delivery.window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns delivered shipments into a carrier's calibration: conformal bounds per {@link Horizon} from the carrier's own
 * deliveries, and the same from every carrier's, to fall back on while the carrier's own are few.
 *
 * <p>
 * The bounds are learnt from the moments windows were drawn, as the service draws them: from when the carrier gave an
 * ETA until its next ETA (or the arrival), every moment saw a window around that ETA, in the band of how far ahead of
 * that moment the ETA lay. So the calibration holds for windows as they are shown, an ETA ageing included: one given
 * with twenty minutes' notice that has passed without the truck is calibrated by the carrier's passed ETAs, not by
 * its fresh ones. A delivery's moments in a band are one piece of evidence, whatever number of ETAs they span: they
 * share its weight by how long each ETA was shown there.
 *
 * <p>
 * The most recent delivery weighs one and the weight halves every {@code half-life} deliveries, so the window follows
 * a carrier that drifts. Deliveries that were rescheduled rather than late or early teach nothing about the window's
 * width.
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
		return new CarrierCalibration(bounds(carrierRecent), bounds(allRecent), this.properties);
	}

	Map<Horizon, ConformalBounds> bounds(List<DeliveryOutcome> recentFirst) {
		Map<Horizon, List<ConformalBounds.Weighted>> samples = new LinkedHashMap<>();
		Map<Horizon, Integer> deliveries = new HashMap<>();
		int considered = Math.min(recentFirst.size(), this.properties.maxDeliveries());
		for (int rank = 0; rank < considered; rank++) {
			DeliveryOutcome outcome = recentFirst.get(rank);
			double weight = recencyWeight(rank);
			ArrivalSample slot = outcome.slot();
			if (!rescheduled(slot)) {
				samples.computeIfAbsent(Horizon.PLANNED_SLOT, h -> new ArrayList<>())
					.add(new ConformalBounds.Weighted(slot, weight, rank));
				deliveries.merge(Horizon.PLANNED_SLOT, 1, Integer::sum);
			}
			int delivery = rank;
			shown(outcome).forEach((horizon, moments) -> {
				double seconds = moments.stream().mapToDouble(Shown::seconds).sum();
				List<ConformalBounds.Weighted> into = samples.computeIfAbsent(horizon, h -> new ArrayList<>());
				for (Shown shown : moments) {
					into.add(new ConformalBounds.Weighted(shown.sample(), weight * shown.seconds() / seconds, delivery,
							weight * shown.seconds()));
				}
				deliveries.merge(horizon, 1, Integer::sum);
			});
		}
		Map<Horizon, ConformalBounds> bounds = new HashMap<>();
		// A drift is read from the whole band's evidence: a finer horizon (by notice and age) holds too few deliveries
		// to tell a carrier getting later week by week from chance, and would leave its samples where they were.
		Map<Horizon, ConformalBounds.Trend> drifts = new HashMap<>();
		samples.forEach((horizon, weighted) -> {
			List<ConformalBounds.Weighted> band = samples.get(horizon.anyNotice());
			ConformalBounds.Trend drift = (band != null)
					? drifts.computeIfAbsent(horizon.anyNotice(), h -> ConformalBounds.Trend.of(band))
					: ConformalBounds.Trend.of(weighted);
			bounds.put(horizon,
					ConformalBounds.of(weighted, deliveries.get(horizon), this.properties.coverage(), drift));
		});
		return bounds;
	}

	/**
	 * How long windows around each of the delivery's ETAs were shown, by horizon: each ETA from when it was given until
	 * the next one (or the arrival), in the bands of how far ahead the ETA lay in that time; each with and without its
	 * notice.
	 */
	Map<Horizon, List<Shown>> shown(DeliveryOutcome outcome) {
		Map<Horizon, List<Shown>> shown = new LinkedHashMap<>();
		List<DeliveryOutcome.GivenEta> etas = outcome.etas();
		for (int i = 0; i < etas.size(); i++) {
			DeliveryOutcome.GivenEta eta = etas.get(i);
			ArrivalSample sample = eta.against(outcome.deliveredAt());
			Instant until = (i + 1 < etas.size()) ? etas.get(i + 1).givenAt() : outcome.deliveredAt();
			if (rescheduled(sample) || !until.isAfter(eta.givenAt())) {
				continue;
			}
			// From how far ahead the ETA lay when given down to how far when the next came.
			long high = Duration.between(eta.givenAt(), eta.eta()).toSeconds();
			long low = Duration.between(until, eta.eta()).toSeconds();
			for (HorizonBand band : HorizonBand.values()) {
				long seconds = band.overlapSeconds(low, high);
				if (seconds > 0) {
					Shown moments = new Shown(sample, seconds);
					shown.computeIfAbsent(Horizon.of(band), h -> new ArrayList<>()).add(moments);
					shown.computeIfAbsent(Horizon.of(band, eta.notice()), h -> new ArrayList<>()).add(moments);
					// The ETA is as old as how far ahead it lay when given, less how far it lies now.
					List<Duration> ages = this.properties.etaAges();
					for (int age = 0; !ages.isEmpty() && age <= ages.size(); age++) {
						long youngest = (age > 0) ? ages.get(age - 1).toSeconds() : 0;
						long oldest = (age < ages.size()) ? ages.get(age).toSeconds() : Long.MAX_VALUE / 4;
						long aged = band.overlapSeconds(Math.max(low, high - oldest), Math.min(high, high - youngest));
						if (aged > 0) {
							shown.computeIfAbsent(Horizon.of(band, eta.notice(), new EtaAge(age)),
									h -> new ArrayList<>()).add(new Shown(sample, aged));
						}
					}
				}
			}
		}
		return shown;
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

	/** For how many seconds a window around an ETA with this outcome was shown in one horizon. */
	record Shown(ArrivalSample sample, long seconds) {
	}
}

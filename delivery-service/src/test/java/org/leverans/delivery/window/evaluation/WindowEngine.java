package org.leverans.delivery.window.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.delivery.window.ArrivalCalibrator;
import org.leverans.delivery.window.CarrierCalibration;
import org.leverans.delivery.window.DeliveryOutcome;
import org.leverans.delivery.window.DeliveryWindowPolicy;
import org.leverans.delivery.window.WindowEvidence;
import org.leverans.delivery.window.WindowProperties;

/**
 * The production window engine with its defaults, fed in memory what the database would hold: learns from each
 * delivery as the service does (every ETA and the planned slot), and draws the window as the service would show it.
 * Like the service, it calibrates once per delivery, not per window.
 */
final class WindowEngine {

	private final DeliveryWindowPolicy policy;

	private final ArrivalCalibrator calibrator;

	private final WindowProperties properties;

	/** Most recent first, like the service's query. */
	private final List<DeliveryOutcome> all = new ArrayList<>();

	private final Map<String, List<DeliveryOutcome>> byCarrier = new HashMap<>();

	private final Map<String, CarrierCalibration> calibrations = new HashMap<>();

	private WindowEngine(WindowProperties properties) {
		this.properties = properties;
		this.policy = new DeliveryWindowPolicy(properties);
		this.calibrator = new ArrivalCalibrator(properties.calibration());
	}

	/** The defaults of application.yml, each open to a system property for trying other settings. */
	static WindowEngine current() {
		WindowProperties.Calibration calibration = new WindowProperties.Calibration(
				Double.parseDouble(System.getProperty("window-evaluation.coverage", "0.95")),
				Integer.getInteger("window-evaluation.prior-strength", 10),
				Integer.getInteger("window-evaluation.half-life", 70),
				Integer.getInteger("window-evaluation.max-deliveries", 500),
				Duration.ofHours(Integer.getInteger("window-evaluation.rescheduled-beyond-hours", 12)),
				Double.parseDouble(System.getProperty("window-evaluation.sufficient-weight", "40")),
				Arrays.stream(System.getProperty("window-evaluation.eta-ages", "5,25").split(","))
					.filter(minutes -> !minutes.isBlank())
					.map(minutes -> Duration.ofMinutes(Long.parseLong(minutes.trim())))
					.toList());
		return new WindowEngine(
				new WindowProperties(Duration.ofMinutes(10), null, calibration, Duration.ofMinutes(1)));
	}

	String name() {
		WindowProperties.Calibration calibration = this.properties.calibration();
		return "conformal calibration per carrier and horizon (coverage %.2f, prior strength %d, half-life %d, "
			.formatted(calibration.coverage(), calibration.priorStrength(), calibration.halfLife())
				+ "last %d deliveries, sufficient weight %.0f, ETA ages %s)".formatted(calibration.maxDeliveries(),
						calibration.sufficientWeight(),
						calibration.etaAges().stream().map(age -> age.toMinutes() + " min").toList());
	}

	/** What the service keeps when a shipment is delivered: every ETA the carrier gave, and the planned slot. */
	void learn(SimulatedDelivery delivery) {
		DeliveryOutcome outcome = DeliveryOutcome.of(delivery.carrier(), delivery.plannedFrom(),
				delivery.plannedTo(), delivery.etas()
					.stream()
					.map(eta -> new DeliveryOutcome.GivenEta(eta.givenAt(), eta.eta()))
					.toList(),
				delivery.deliveredAt());
		this.all.addFirst(outcome);
		this.byCarrier.computeIfAbsent(delivery.carrier(), carrier -> new ArrayList<>()).addFirst(outcome);
		trim(this.all);
		trim(this.byCarrier.get(delivery.carrier()));
		this.calibrations.clear();
	}

	DeliveryWindow window(String carrier, WindowEvidence evidence, Instant now) {
		CarrierCalibration calibration = this.calibrations.computeIfAbsent(carrier, c -> this.calibrator
			.calibrate(this.byCarrier.getOrDefault(c, List.of()), this.all));
		return this.policy.current(evidence, calibration, now);
	}

	private void trim(List<DeliveryOutcome> recentFirst) {
		while (recentFirst.size() > this.properties.calibration().maxDeliveries()) {
			recentFirst.removeLast();
		}
	}
}

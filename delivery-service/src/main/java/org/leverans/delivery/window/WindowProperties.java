package org.leverans.delivery.window;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How delivery windows are drawn, under {@code leverans.delivery.window}.
 *
 * @param changeThreshold a window that moves less than this (at either end) is not announced as changed
 * @param etaMargins half-width of a window around a carrier ETA, by how far ahead the ETA is, while there is no
 * evidence to calibrate it
 * @param calibration how carriers' past deliveries calibrate the window
 * @param refreshInterval how often open windows are redrawn as time passes without news (zero: never)
 */
@ConfigurationProperties("leverans.delivery.window")
public record WindowProperties(@DefaultValue("10m") Duration changeThreshold, List<EtaMargin> etaMargins,
		@DefaultValue Calibration calibration, @DefaultValue("1m") Duration refreshInterval) {

	public WindowProperties {
		etaMargins = (etaMargins == null || etaMargins.isEmpty())
				? List.of(new EtaMargin(Duration.ofHours(4), Duration.ofMinutes(60)),
						new EtaMargin(Duration.ofHours(1), Duration.ofMinutes(30)),
						new EtaMargin(Duration.ZERO, Duration.ofMinutes(15)))
				: etaMargins.stream().sorted(Comparator.comparing(EtaMargin::aheadOver).reversed()).toList();
	}

	/** @param aheadOver applies when the ETA is more than this far ahead */
	public record EtaMargin(Duration aheadOver, Duration margin) {
	}

	/**
	 * @param coverage the share of arrivals a calibrated window is drawn to hold, above 0 and below 1
	 * @param priorStrength how many deliveries' worth of weight the all-carrier figures (and, below them, the fixed
	 * margins) count for while a carrier's band has few samples
	 * @param halfLife after how many newer deliveries a delivery counts half as much
	 * @param maxDeliveries the most recent deliveries (per carrier, and of all carriers) that are looked at
	 * @param rescheduledBeyond an arrival further than this from what was promised (before the slot's start or the
	 * ETA, or after the slot's end or the ETA) was moved to another time, not missed by a margin: it is no evidence of
	 * how wide a window must be, so it does not widen one
	 * @param sufficientWeight how many deliveries' worth of the carrier's own evidence in a horizon let its window rest
	 * on that evidence alone, without shrinking towards the all-carrier figures and the fixed margins
	 * @param etaAges ascending ages of an ETA (how long ago the carrier gave it) that split each horizon's evidence,
	 * where the carrier's own suffices: an ETA about to be replaced errs unlike a fresh one as far ahead; empty: no
	 * split
	 */
	public record Calibration(@DefaultValue("0.95") double coverage, @DefaultValue("10") int priorStrength,
			@DefaultValue("70") int halfLife, @DefaultValue("500") int maxDeliveries,
			@DefaultValue("12h") Duration rescheduledBeyond, @DefaultValue("40") double sufficientWeight,
			@DefaultValue({ "5m", "25m" }) List<Duration> etaAges) {

		public Calibration {
			etaAges = (etaAges == null) ? List.of() : etaAges.stream().sorted().toList();
			if (etaAges.stream().anyMatch(age -> !age.isPositive())) {
				throw new IllegalArgumentException("leverans.delivery.window.calibration.eta-ages must be positive");
			}
			if (!(coverage > 0 && coverage < 1)) {
				throw new IllegalArgumentException("leverans.delivery.window.calibration.coverage must be above 0 "
						+ "and below 1, was " + coverage);
			}
			if (priorStrength < 0 || halfLife < 1 || maxDeliveries < 1) {
				throw new IllegalArgumentException("leverans.delivery.window.calibration: prior-strength must be at "
						+ "least 0, half-life and max-deliveries at least 1");
			}
			if (!(sufficientWeight >= 0)) {
				throw new IllegalArgumentException(
						"leverans.delivery.window.calibration.sufficient-weight must be at least 0");
			}
			if (rescheduledBeyond == null || !rescheduledBeyond.isPositive()) {
				throw new IllegalArgumentException(
						"leverans.delivery.window.calibration.rescheduled-beyond must be positive");
			}
		}
	}
}

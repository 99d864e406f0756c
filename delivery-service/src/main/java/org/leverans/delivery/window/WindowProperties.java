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
 * @param etaMargins half-width of a window around a carrier ETA, by how far ahead the ETA is
 * @param prediction how a carrier's past arrivals shape the window
 * @param refreshInterval how often open windows are redrawn as time passes without news (zero: never)
 */
@ConfigurationProperties("leverans.delivery.window")
public record WindowProperties(@DefaultValue("10m") Duration changeThreshold, List<EtaMargin> etaMargins,
		@DefaultValue Prediction prediction, @DefaultValue("1m") Duration refreshInterval) {

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
	 * @param minSamples delivered shipments a carrier needs before its own lateness shapes the window
	 * @param sampleSize how many of the carrier's most recent arrivals count
	 * @param maxShift the furthest the learned lateness may move a window from the ETA
	 */
	public record Prediction(@DefaultValue("5") int minSamples, @DefaultValue("50") int sampleSize,
			@DefaultValue("2h") Duration maxShift) {
	}
}

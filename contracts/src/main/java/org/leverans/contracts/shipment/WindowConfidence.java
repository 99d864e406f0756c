package org.leverans.contracts.shipment;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How sure a delivery window is, and on what evidence.
 *
 * <ul>
 * <li>{@code CALIBRATED}: from this carrier's own past deliveries in this horizon band; {@code coverage} of them
 * arrived inside a window drawn like this one (e.g. 0.95), {@code samples} deliveries say so.</li>
 * <li>{@code POOLED}: the carrier has too few deliveries of its own, so the window leans on every carrier's;
 * {@code samples} counts those.</li>
 * <li>{@code DEFAULT_MARGINS}: too little evidence to claim a coverage; fixed margins (widened to what the carrier
 * has shown so far), {@code coverage} is null.</li>
 * <li>{@code ACTUAL}: the shipment has arrived.</li>
 * </ul>
 *
 * @param kind one of the above
 * @param samples delivered shipments behind the window
 * @param coverage the share of arrivals the window is drawn to hold; left out when it makes no such claim
 * @param usualWidthMinutes present when this estimated window is wider than the width receivers are usually promised
 * this close to delivery (60 minutes from an hour and a half before it, 120 from four hours before): the carrier's
 * arrivals scatter more than that, and the window says so rather than claim more than its evidence
 */
public record WindowConfidence(String kind, int samples, @JsonInclude(JsonInclude.Include.NON_NULL) Double coverage,
		@JsonInclude(JsonInclude.Include.NON_NULL) Integer usualWidthMinutes) {

	public WindowConfidence(String kind, int samples, Double coverage) {
		this(kind, samples, coverage, null);
	}

	public static final String CALIBRATED = "CALIBRATED";

	public static final String POOLED = "POOLED";

	public static final String DEFAULT_MARGINS = "DEFAULT_MARGINS";

	public static final String ACTUAL = "ACTUAL";

	public static WindowConfidence calibrated(int samples, double coverage) {
		return new WindowConfidence(CALIBRATED, samples, coverage);
	}

	public static WindowConfidence pooled(int samples, double coverage) {
		return new WindowConfidence(POOLED, samples, coverage);
	}

	public static WindowConfidence defaultMargins(int samples) {
		return new WindowConfidence(DEFAULT_MARGINS, samples, null);
	}

	public static WindowConfidence actual() {
		return new WindowConfidence(ACTUAL, 0, null);
	}

	/** The same confidence, for a window wider than the {@code minutes} usually promised this close. */
	public WindowConfidence widerThanUsual(Integer minutes) {
		return new WindowConfidence(this.kind, this.samples, this.coverage, minutes);
	}
}

package org.leverans.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One of the demo's carriers on the road: its code (also its OAuth2 client id), how long after it hears of a shipment
 * it picks the goods up, and how it keeps its promises ({@link CarrierProfile}), which delivery-service learns from
 * its past arrivals to draw calibrated windows.
 */
public record DemoCarrier(String carrier, Duration pickupDelay, CarrierProfile profile) {

	public static final DemoCarrier NORDIC_FREIGHT = new DemoCarrier("nordic-freight", Duration.ofMinutes(20),
			CarrierProfile.PUNCTUAL);

	public static final DemoCarrier BALTIC_HAULAGE = new DemoCarrier("baltic-haulage", Duration.ofMinutes(40),
			CarrierProfile.OPTIMISTIC);

	/** The demo's carriers: Nordic Freight (Finland) is punctual, Baltic Haulage (Sweden) optimistic. */
	public static List<DemoCarrier> demo() {
		return List.of(NORDIC_FREIGHT, BALTIC_HAULAGE);
	}

	/** The demo's carriers, some playing another profile ({@code ./leverans up --simulator-profiles}). */
	public static List<DemoCarrier> demo(Map<String, CarrierProfile> profiles) {
		return demo().stream()
			.map(c -> new DemoCarrier(c.carrier(), c.pickupDelay(), profiles.getOrDefault(c.carrier(), c.profile())))
			.toList();
	}

	/** The demo's carrier codes, which {@code --simulator-profiles} may name. */
	public static List<String> codes() {
		return demo().stream().map(DemoCarrier::carrier).toList();
	}
}

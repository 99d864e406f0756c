package org.leverans.simulator;

import java.time.Duration;
import java.util.List;

/**
 * How a carrier behaves on the road. A punctual carrier's ETAs close in on the true arrival and it arrives when it
 * said; a late one is systematically optimistic: it arrives {@code lateness} after plan, give or take
 * {@code noise}, and its ETAs only admit part of that, so its last ETA is still too early. That bias is what
 * delivery-service learns from past arrivals to draw PREDICTED windows.
 *
 * @param carrier the carrier code, also its OAuth2 client id
 * @param pickupDelay how long after the information is received the goods are picked up
 * @param lateness typical arrival after the planned drive time
 * @param noise standard deviation of the arrival around that
 * @param admittedLateness the share (0..1) of the coming lateness the carrier's ETAs admit by the last update
 */
public record CarrierProfile(String carrier, Duration pickupDelay, Duration lateness, Duration noise,
		double admittedLateness) {

	public static final CarrierProfile NORDIC_FREIGHT = new CarrierProfile("nordic-freight", Duration.ofMinutes(20),
			Duration.ZERO, Duration.ofMinutes(3), 1.0);

	public static final CarrierProfile BALTIC_HAULAGE = new CarrierProfile("baltic-haulage", Duration.ofMinutes(40),
			Duration.ofMinutes(35), Duration.ofMinutes(15), 0.4);

	/** The demo's carriers: Nordic Freight (Finland) is punctual, Baltic Haulage (Sweden) late and noisy. */
	public static List<CarrierProfile> demo() {
		return List.of(NORDIC_FREIGHT, BALTIC_HAULAGE);
	}
}

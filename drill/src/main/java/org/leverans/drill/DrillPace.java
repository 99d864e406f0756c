package org.leverans.drill;

import java.time.Duration;

/**
 * The load a fault meets, and how long each part of a fault's phase lasts.
 * @param orderRate one-line orders per second through the gateway
 * @param eventRate carrier shipment events per second through the partner API
 * @param batch events per partner POST
 * @param lead load before the kill
 * @param tail load after the platform has recovered
 * @param recoveryLimit the longest wait, once the component is back up, for an order placed after it to be accepted
 * @param settle the longest wait, once the load stopped, for the platform to finish what it was given; what is
 * unfinished then counts as lost
 */
public record DrillPace(double orderRate, double eventRate, int batch, Duration lead, Duration tail,
		Duration recoveryLimit, Duration settle) {

	public DrillPace {
		if (batch < 1 || batch > 1000) {
			throw new IllegalArgumentException("A partner POST carries 1 to 1000 events, not " + batch);
		}
	}

	/** A paced run like the (8 orders/s), kept lighter for a machine that runs every component at once. */
	public static DrillPace standard() {
		return new DrillPace(5, 20, 10, Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofMinutes(5),
				Duration.ofMinutes(3));
	}

	public DrillPace withOrderRate(double orderRate) {
		return new DrillPace(orderRate, this.eventRate, this.batch, this.lead, this.tail, this.recoveryLimit,
				this.settle);
	}

	public DrillPace withEventRate(double eventRate) {
		return new DrillPace(this.orderRate, eventRate, this.batch, this.lead, this.tail, this.recoveryLimit,
				this.settle);
	}

	public DrillPace withBatch(int batch) {
		return new DrillPace(this.orderRate, this.eventRate, batch, this.lead, this.tail, this.recoveryLimit,
				this.settle);
	}

	public DrillPace withSettle(Duration settle) {
		return new DrillPace(this.orderRate, this.eventRate, this.batch, this.lead, this.tail, this.recoveryLimit,
				settle);
	}

	public DrillPace withLeadAndTail(Duration lead, Duration tail) {
		return new DrillPace(this.orderRate, this.eventRate, this.batch, lead, tail, this.recoveryLimit, this.settle);
	}
}

package org.leverans.delivery.planning;

import java.security.SecureRandom;
import java.util.Random;

import org.leverans.delivery.shipment.Shipments;

import org.springframework.stereotype.Component;

/** Issues tracking numbers: the carrier's prefix and ten random digits, never one already given out. */
@Component
class TrackingNumbers {

	private final Random random = new SecureRandom();

	private final Shipments shipments;

	private final PlanningProperties properties;

	TrackingNumbers(Shipments shipments, PlanningProperties properties) {
		this.shipments = shipments;
		this.properties = properties;
	}

	String next(String carrier) {
		PlanningProperties.Carrier known = this.properties.carriers().get(carrier);
		if (known == null || known.trackingPrefix() == null) {
			throw new IllegalArgumentException("Carrier " + carrier + " has no tracking prefix configured");
		}
		String candidate;
		do {
			candidate = known.trackingPrefix() + String.format("%010d", this.random.nextLong(10_000_000_000L));
		}
		while (this.shipments.trackingNumberTaken(candidate));
		return candidate;
	}
}

package org.leverans.delivery.window.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.leverans.simulator.CarrierProfile;

/** Plays one carrier profile: a planned slot per delivery, its arrival, and the ETAs it sends on the way. */
final class SimulatedCarrier {

	// Deliveries half a day apart: recency weighting sees weeks pass over a run.
	private static final Duration BETWEEN_DELIVERIES = Duration.ofHours(12);

	private final String code;

	private final CarrierProfile profile;

	private final Instant start;

	private final SplittableRandom random;

	SimulatedCarrier(CarrierProfile profile, SplittableRandom random) {
		this(profile.code(), profile, WindowEvaluation.START, random);
	}

	/** A carrier called {@code code} playing {@code profile}, its first slot planned at {@code start}. */
	SimulatedCarrier(String code, CarrierProfile profile, Instant start, SplittableRandom random) {
		this.code = code;
		this.profile = profile;
		this.start = start;
		this.random = random;
	}

	CarrierProfile profile() {
		return this.profile;
	}

	String code() {
		return this.code;
	}

	SimulatedDelivery deliver(int delivery) {
		Instant plannedFrom = this.start.plus(BETWEEN_DELIVERIES.multipliedBy(delivery));
		Instant plannedTo = plannedFrom.plus(WindowEvaluation.SLOT);
		CarrierProfile.Trip trip = this.profile.trip(this.random, delivery);
		Instant arrival = plannedFrom.plus(this.profile.arrivalInSlot(this.random, WindowEvaluation.SLOT, trip));
		List<SimulatedDelivery.Eta> etas = new ArrayList<>();
		for (Duration horizon : WindowEvaluation.ETA_HORIZONS) {
			// Carriers do not send on the minute: a couple of minutes either way.
			Instant givenAt = arrival.minus(horizon).plusSeconds(this.random.nextLong(-120, 121));
			Duration error = this.profile.etaError(this.random, Duration.between(givenAt, arrival), trip);
			etas.add(new SimulatedDelivery.Eta(givenAt, arrival.minus(error)));
		}
		return new SimulatedDelivery(code(), plannedFrom, plannedTo, plannedFrom.minus(Duration.ofDays(2)), etas,
				arrival);
	}
}

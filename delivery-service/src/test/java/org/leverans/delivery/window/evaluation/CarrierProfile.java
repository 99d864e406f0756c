package org.leverans.delivery.window.evaluation;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A simulated carrier: where its deliveries land against the planned slot, and how far its ETAs are from the actual
 * arrival at a given horizon. The evaluator knows this noise; the window engine only sees its outcome.
 */
enum CarrierProfile {

	/** Arrives inside the slot; ETAs err a few minutes, a little more the further out they are. */
	PUNCTUAL("punctual") {
		@Override
		Duration arrivalInSlot(RandomGenerator random, Duration slot, Trip trip) {
			return minutes(random.nextDouble(0.1, 0.9) * slot.toMinutes());
		}

		@Override
		Duration etaError(RandomGenerator random, Duration horizon, Trip trip) {
			return minutes(random.nextGaussian() * (3 + 2 * hours(horizon)));
		}
	},

	/** ETAs are optimistic: the truck arrives later than announced, by more the further out the ETA was given. */
	OPTIMISTIC("optimistic ETAs, error growing with distance") {
		@Override
		Duration arrivalInSlot(RandomGenerator random, Duration slot, Trip trip) {
			return minutes(random.nextDouble(0.3, 1.3) * slot.toMinutes());
		}

		@Override
		Duration etaError(RandomGenerator random, Duration horizon, Trip trip) {
			double h = hours(horizon);
			return minutes(4 + 9 * h + random.nextGaussian() * (4 + 5 * h));
		}
	},

	/** Punctual ETAs, but one delivery in ten meets a delay of up to 45 minutes that no ETA announces in advance. */
	UNANNOUNCED_DELAYS("10% unannounced delays of up to 45 min") {
		@Override
		Duration arrivalInSlot(RandomGenerator random, Duration slot, Trip trip) {
			return minutes(random.nextDouble(0.1, 0.9) * slot.toMinutes()).plus(trip.delay());
		}

		@Override
		Duration etaError(RandomGenerator random, Duration horizon, Trip trip) {
			// The ETA learns of the delay only in the last quarter of an hour.
			Duration unannounced = horizon.compareTo(Duration.ofMinutes(15)) > 0 ? trip.delay() : Duration.ZERO;
			return minutes(random.nextGaussian() * (3 + 2 * hours(horizon))).plus(unannounced);
		}
	},

	/** Starts punctual and becomes later week by week, by up to forty minutes at the end of the run. */
	DRIFTING_LATER("drifts later over weeks") {
		@Override
		Duration arrivalInSlot(RandomGenerator random, Duration slot, Trip trip) {
			return minutes(random.nextDouble(0.1, 0.9) * slot.toMinutes() + drift(trip.delivery()));
		}

		@Override
		Duration etaError(RandomGenerator random, Duration horizon, Trip trip) {
			double h = hours(horizon);
			return minutes(drift(trip.delivery()) * Math.min(1, h / 2) + random.nextGaussian() * (3 + 3 * h));
		}

		private double drift(int delivery) {
			return 40.0 * delivery / DELIVERIES;
		}
	},

	/** Often early: a third of the deliveries arrive well before the ETA. */
	OFTEN_EARLY("often arrives early") {
		@Override
		Duration arrivalInSlot(RandomGenerator random, Duration slot, Trip trip) {
			return minutes(random.nextDouble(trip.early() ? -0.5 : 0.1, 0.9) * slot.toMinutes());
		}

		@Override
		Duration etaError(RandomGenerator random, Duration horizon, Trip trip) {
			double h = hours(horizon);
			double early = trip.early() ? -(5 + 8 * h) : 0;
			return minutes(early + random.nextGaussian() * (3 + 2 * h));
		}
	};

	/** Deliveries per profile: the first {@link #WARM_UP} only teach, the rest are scored. */
	static final int DELIVERIES = 480;

	static final int WARM_UP = 100;

	private final String description;

	CarrierProfile(String description) {
		this.description = description;
	}

	String description() {
		return this.description;
	}

	/** When, counted from the slot's start, the delivery actually arrives (negative: before the slot). */
	abstract Duration arrivalInSlot(RandomGenerator random, Duration slot, Trip trip);

	/** Actual arrival minus the ETA the carrier gives {@code horizon} before the actual arrival. */
	abstract Duration etaError(RandomGenerator random, Duration horizon, Trip trip);

	Trip trip(RandomGenerator random, int delivery) {
		boolean delayed = random.nextDouble() < 0.10;
		Duration delay = delayed ? minutes(random.nextDouble(5, 45)) : Duration.ZERO;
		return new Trip(delivery, delay, random.nextDouble() < 1.0 / 3);
	}

	/** What happens to one delivery beyond the everyday noise. */
	record Trip(int delivery, Duration delay, boolean early) {
	}

	static Duration minutes(double minutes) {
		return Duration.ofSeconds(Math.round(minutes * 60));
	}

	static double hours(Duration duration) {
		return duration.toSeconds() / 3600.0;
	}
}

package org.leverans.simulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How a simulated carrier keeps its promises: where its deliveries land against the planned slot, and how far its
 * ETAs are from the actual arrival at a given horizon. The demo carriers play these on the road, and
 * delivery-service's window evaluator replays them through the real window engine; the engine itself only ever
 * sees their outcome.
 */
public enum CarrierProfile {

	/** Arrives inside the slot; ETAs err a few minutes, a little more the further out they are. */
	PUNCTUAL("punctual") {
		@Override
		public Duration arrivalInSlot(RandomGenerator random, Duration slot, Trip trip) {
			return minutes(random.nextDouble(0.1, 0.9) * slot.toMinutes());
		}

		@Override
		public Duration etaError(RandomGenerator random, Duration horizon, Trip trip) {
			return minutes(random.nextGaussian() * (3 + 2 * hours(horizon)));
		}
	},

	/** ETAs are optimistic: the truck arrives later than announced, by more the further out the ETA was given. */
	OPTIMISTIC("optimistic ETAs, error growing with distance") {
		@Override
		public Duration arrivalInSlot(RandomGenerator random, Duration slot, Trip trip) {
			return minutes(random.nextDouble(0.3, 1.3) * slot.toMinutes());
		}

		@Override
		public Duration etaError(RandomGenerator random, Duration horizon, Trip trip) {
			double h = hours(horizon);
			return minutes(4 + 9 * h + random.nextGaussian() * (4 + 5 * h));
		}
	},

	/** Punctual ETAs, but one delivery in ten meets a delay of up to 45 minutes that no ETA announces in advance. */
	UNANNOUNCED_DELAYS("10% unannounced delays of up to 45 min") {
		@Override
		public Duration arrivalInSlot(RandomGenerator random, Duration slot, Trip trip) {
			return minutes(random.nextDouble(0.1, 0.9) * slot.toMinutes()).plus(trip.delay());
		}

		@Override
		public Duration etaError(RandomGenerator random, Duration horizon, Trip trip) {
			// The ETA learns of the delay only in the last quarter of an hour.
			Duration unannounced = horizon.compareTo(Duration.ofMinutes(15)) > 0 ? trip.delay() : Duration.ZERO;
			return minutes(random.nextGaussian() * (3 + 2 * hours(horizon))).plus(unannounced);
		}
	},

	/** Starts punctual and becomes later delivery by delivery, by forty minutes after {@link #DRIFT_DELIVERIES}. */
	DRIFTING_LATER("drifts later over weeks") {
		@Override
		public Duration arrivalInSlot(RandomGenerator random, Duration slot, Trip trip) {
			return minutes(random.nextDouble(0.1, 0.9) * slot.toMinutes() + drift(trip.delivery()));
		}

		@Override
		public Duration etaError(RandomGenerator random, Duration horizon, Trip trip) {
			double h = hours(horizon);
			return minutes(drift(trip.delivery()) * Math.min(1, h / 2) + random.nextGaussian() * (3 + 3 * h));
		}

		private double drift(int delivery) {
			return 40.0 * Math.min(delivery, DRIFT_DELIVERIES) / DRIFT_DELIVERIES;
		}
	},

	/** Often early: a third of the deliveries arrive well before the ETA. */
	OFTEN_EARLY("often arrives early") {
		@Override
		public Duration arrivalInSlot(RandomGenerator random, Duration slot, Trip trip) {
			return minutes(random.nextDouble(trip.early() ? -0.5 : 0.1, 0.9) * slot.toMinutes());
		}

		@Override
		public Duration etaError(RandomGenerator random, Duration horizon, Trip trip) {
			double h = hours(horizon);
			double early = trip.early() ? -(5 + 8 * h) : 0;
			return minutes(early + random.nextGaussian() * (3 + 2 * h));
		}
	};

	/** The drifting carrier's lateness grows over this many deliveries, then holds. */
	public static final int DRIFT_DELIVERIES = 480;

	private final String description;

	CarrierProfile(String description) {
		this.description = description;
	}

	public String description() {
		return this.description;
	}

	/** The profile's name on the command line: {@code punctual}, {@code optimistic}, {@code drifting-later}, … */
	public String code() {
		return name().toLowerCase().replace('_', '-');
	}

	public static Optional<CarrierProfile> byCode(String code) {
		return Arrays.stream(values()).filter(profile -> profile.code().equals(code)).findFirst();
	}

	/** When, counted from the slot's start, the delivery actually arrives (negative: before the slot). */
	public abstract Duration arrivalInSlot(RandomGenerator random, Duration slot, Trip trip);

	/** Actual arrival minus the ETA the carrier gives {@code horizon} before the actual arrival. */
	public abstract Duration etaError(RandomGenerator random, Duration horizon, Trip trip);

	/** What happens to the carrier's {@code delivery}-th trip (counted from 0) beyond the everyday noise. */
	public Trip trip(RandomGenerator random, int delivery) {
		boolean delayed = random.nextDouble() < 0.10;
		Duration delay = delayed ? minutes(random.nextDouble(5, 45)) : Duration.ZERO;
		return new Trip(delivery, delay, random.nextDouble() < 1.0 / 3);
	}

	/**
	 * One trip's fortune: a delay (used by {@link #UNANNOUNCED_DELAYS}), whether it comes early (used by
	 * {@link #OFTEN_EARLY}), and its place in the carrier's history (used by {@link #DRIFTING_LATER}).
	 */
	public record Trip(int delivery, Duration delay, boolean early) {
	}

	static Duration minutes(double minutes) {
		return Duration.ofSeconds(Math.round(minutes * 60));
	}

	static double hours(Duration duration) {
		return duration.toSeconds() / 3600.0;
	}
}

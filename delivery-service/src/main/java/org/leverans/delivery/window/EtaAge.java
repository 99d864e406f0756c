package org.leverans.delivery.window;

import java.time.Duration;
import java.util.List;

/**
 * How long ago the carrier gave the ETA a window is drawn around, as a band between the configured ages
 * ({@code eta-ages}). At the same distance ahead, an ETA about to be replaced errs unlike a fresh one: an hour before
 * the arrival, the ETA given half an hour earlier still lies ahead only where the truck is later than it said, while
 * the one given a minute ago has not yet been tested. Pooled, the fresh ETAs set a window that misses the stale ones
 * exactly when the next ETA is due, the moment a receiver is most likely to look.
 *
 * @param band 0 for ETAs younger than the first configured age, 1 up to the second, and so on
 */
public record EtaAge(int band) {

	/** The band of an ETA given {@code age} ago, among the ascending {@code ages}. */
	public static EtaAge of(Duration age, List<Duration> ages) {
		int band = 0;
		while (band < ages.size() && age.compareTo(ages.get(band)) >= 0) {
			band++;
		}
		return new EtaAge(band);
	}
}

package org.leverans.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plans the partner events of one shipment's trip from depot to site, on the demo clock: INFO_RECEIVED, PICKED_UP,
 * IN_TRANSIT, several ETA_UPDATED closing in on the arrival, OUT_FOR_DELIVERY, ARRIVING and DELIVERED with proof of
 * delivery. Pure: the same shipment and profile always give the same journey (the randomness is seeded by the
 * tracking number), so a restarted simulator resends the same events with the same ids, which the API treats as
 * duplicates.
 */
public final class JourneyPlanner {

	static final int ETA_UPDATES = 4;

	private static final Duration MIN_DRIVE = Duration.ofMinutes(100);

	private static final Duration OUT_FOR_DELIVERY_BEFORE = Duration.ofMinutes(40);

	private static final Duration ARRIVING_BEFORE = Duration.ofMinutes(10);

	private JourneyPlanner() {
	}

	public static List<PlannedEvent> plan(ManifestShipment shipment, CarrierProfile profile) {
		Random random = new Random(shipment.trackingNumber().hashCode());
		DemoGeography.Site site = DemoGeography.site(shipment.siteId(), shipment.countryCode());
		Route route = new Route(DemoGeography.depotOf(profile.carrier(), shipment.countryCode()), site.position(),
				0.15 * (random.nextBoolean() ? 1 : -1));

		long pickup = minutes(profile.pickupDelay()) + random.nextInt(11) - 5;
		long drive = minutes(MIN_DRIVE) + random.nextInt(61);
		long plannedArrival = pickup + drive;
		// Nobody arrives much before the plan says the road allows.
		long lateness = Math.max(-10, Math.round(minutes(profile.lateness()) + random.nextGaussian() * minutes(profile.noise())));
		long arrival = plannedArrival + lateness;
		// ETAs err on the side the arrival will turn out to be, and the error shrinks with every update
		long etaSign = (lateness > 0) ? -1 : 1;
		long etaNoise = Math.round(Math.abs(random.nextGaussian()) * minutes(profile.noise())) + 2;

		List<PlannedEvent> events = new ArrayList<>();
		events.add(event(events, "INFO_RECEIVED", 0, null, route.at(0), null));
		events.add(event(events, "PICKED_UP", pickup, plannedArrival, route.at(0), null));
		events.add(event(events, "IN_TRANSIT", pickup + 10, plannedArrival, route.at(progress(pickup + 10, pickup, arrival)), null));
		long firstUpdate = pickup + 25;
		long lastUpdate = arrival - minutes(OUT_FOR_DELIVERY_BEFORE) - 10;
		for (int i = 1; i <= ETA_UPDATES; i++) {
			long at = firstUpdate + (lastUpdate - firstUpdate) * (i - 1) / (ETA_UPDATES - 1);
			// what is left of the error shrinks with every update; the late carrier's ETAs never admit all
			double remaining = 1.0 - (double) i / (ETA_UPDATES + 1);
			long admitted = Math.round(lateness * profile.admittedLateness() * i / ETA_UPDATES);
			long eta = plannedArrival + admitted + Math.round(etaSign * etaNoise * remaining);
			events.add(event(events, "ETA_UPDATED", at, Math.max(eta, at + 10), route.at(progress(at, pickup, arrival)), null));
		}
		long finalEta = plannedArrival + Math.round(lateness * profile.admittedLateness());
		long outForDelivery = arrival - minutes(OUT_FOR_DELIVERY_BEFORE);
		events.add(event(events, "OUT_FOR_DELIVERY", outForDelivery, Math.max(finalEta, outForDelivery + 5),
				route.at(progress(outForDelivery, pickup, arrival)), null));
		// A carrier says "arriving" when it believes it is ten minutes away; the late one believes it too early.
		long arriving = Math.clamp(finalEta - minutes(ARRIVING_BEFORE), outForDelivery + 5, arrival - 2);
		events.add(event(events, "ARRIVING", arriving, Math.max(finalEta, arriving + 5),
				route.at(progress(arriving, pickup, arrival)), null));
		events.add(event(events, "DELIVERED", arrival, null, route.at(1), site.receiver()));
		return List.copyOf(events);
	}

	private static PlannedEvent event(List<PlannedEvent> before, String type, long atMinutes, Long etaMinutes,
			GeoPoint position, String signedBy) {
		return new PlannedEvent(before.size() + 1, type, Duration.ofMinutes(atMinutes),
				(etaMinutes != null) ? Duration.ofMinutes(etaMinutes) : null, position, signedBy);
	}

	private static double progress(long at, long pickup, long arrival) {
		return (double) (at - pickup) / (arrival - pickup);
	}

	private static long minutes(Duration duration) {
		return duration.toMinutes();
	}
}

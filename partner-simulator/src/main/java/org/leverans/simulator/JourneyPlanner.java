package org.leverans.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plans the partner events of one shipment's trip from depot to site, on the demo clock: INFO_RECEIVED, PICKED_UP,
 * IN_TRANSIT, several ETA_UPDATED closing in on the arrival, OUT_FOR_DELIVERY, ARRIVING and DELIVERED with proof of
 * delivery. Every ETA errs as the carrier's {@link CarrierProfile} says for how long before the arrival it is given, so
 * the demo teaches delivery-service the same carriers the window evaluator replays. Pure: the same shipment, carrier
 * and delivery number always give the same journey (the randomness is seeded by the tracking number), so a restarted
 * simulator resends the same events with the same ids, which the API treats as duplicates.
 *
 * <p>
 * The journey starts when the carrier picks the shipment up from its manifest and arrives a couple of demo hours
 * later, so the demo moves in minutes; it does not wait for the planned slot, which may be days away. The profiles'
 * arrival in the slot is the evaluator's alone.
 */
public final class JourneyPlanner {

	static final int ETA_UPDATES = 4;

	private static final Duration MIN_DRIVE = Duration.ofMinutes(100);

	private static final Duration OUT_FOR_DELIVERY_BEFORE = Duration.ofMinutes(40);

	private static final Duration ARRIVING_BEFORE = Duration.ofMinutes(10);

	// Carriers do not announce an arrival in their own past, however late they run.
	private static final long MIN_NOTICE = 2;

	private JourneyPlanner() {
	}

	/** @param delivery how many journeys the carrier has made before this one (the drifting carrier drifts by it) */
	public static List<PlannedEvent> plan(ManifestShipment shipment, DemoCarrier carrier, int delivery) {
		Random random = new Random(shipment.trackingNumber().hashCode());
		CarrierProfile profile = carrier.profile();
		CarrierProfile.Trip trip = profile.trip(random, delivery);
		DemoGeography.Site site = DemoGeography.site(shipment.siteId(), shipment.countryCode());
		Route route = new Route(DemoGeography.depotOf(carrier.carrier(), shipment.countryCode()), site.position(),
				0.15 * (random.nextBoolean() ? 1 : -1));

		long pickup = minutes(carrier.pickupDelay()) + random.nextInt(11) - 5;
		long drive = minutes(MIN_DRIVE) + random.nextInt(61);
		// A delay the profile keeps from the ETAs (until the last quarter of an hour) makes the trip longer.
		long arrival = pickup + drive + minutes(trip.delay());
		Eta eta = (at) -> Math.max(at + MIN_NOTICE,
				arrival - minutes(profile.etaError(random, Duration.ofMinutes(arrival - at), trip)));

		List<PlannedEvent> events = new ArrayList<>();
		events.add(event(events, "INFO_RECEIVED", 0, null, route.at(0), null));
		events.add(event(events, "PICKED_UP", pickup, eta.at(pickup), route.at(0), null));
		events.add(event(events, "IN_TRANSIT", pickup + 10, eta.at(pickup + 10),
				route.at(progress(pickup + 10, pickup, arrival)), null));
		long firstUpdate = pickup + 25;
		long lastUpdate = arrival - minutes(OUT_FOR_DELIVERY_BEFORE) - 10;
		for (int i = 1; i <= ETA_UPDATES; i++) {
			long at = firstUpdate + (lastUpdate - firstUpdate) * (i - 1) / (ETA_UPDATES - 1);
			events.add(event(events, "ETA_UPDATED", at, eta.at(at), route.at(progress(at, pickup, arrival)), null));
		}
		long outForDelivery = arrival - minutes(OUT_FOR_DELIVERY_BEFORE);
		long announced = eta.at(outForDelivery);
		events.add(event(events, "OUT_FOR_DELIVERY", outForDelivery, announced,
				route.at(progress(outForDelivery, pickup, arrival)), null));
		// A carrier says "arriving" when it believes it is ten minutes away, by its own latest estimate.
		long arriving = Math.clamp(announced - minutes(ARRIVING_BEFORE), outForDelivery + 5, arrival - 2);
		events.add(event(events, "ARRIVING", arriving, eta.at(arriving), route.at(progress(arriving, pickup, arrival)),
				null));
		events.add(event(events, "DELIVERED", arrival, null, route.at(1), site.receiver()));
		return List.copyOf(events);
	}

	/** The arrival the carrier announces at a moment of the journey, in minutes on the journey's clock. */
	private interface Eta {

		long at(long minute);
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

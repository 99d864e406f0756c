package org.leverans.notification.stream;

import java.util.Collections;
import java.util.Set;
import java.util.UUID;

/**
 * Where a person's "arriving soon" comes aimed at them, at their own lead time, instead of with the shared
 * {@code shipment.arriving} row at the default one: everywhere (they chose their own lead time) or for shipments
 * to these sites (a site subscription that speaks for them chose it). Their stream skips the shared row there, so
 * nobody gets two.
 */
public record PersonalArrivals(boolean everywhere, Set<UUID> siteIds) {

	/** Someone who gets the shared alert everywhere. */
	public static final PersonalArrivals NONE = new PersonalArrivals(false, Set.of());

	public PersonalArrivals {
		siteIds = Set.copyOf(siteIds);
	}

	/** Whether this is the shared alert the person gets their own one of instead. */
	public boolean replaces(StreamEvent event) {
		return !event.aimed() && StreamEventNames.SHIPMENT_ARRIVING.equals(event.name())
				&& (this.everywhere || !Collections.disjoint(this.siteIds, event.siteIds()));
	}
}

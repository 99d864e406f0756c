package org.leverans.notification.subscription;

import java.util.LinkedHashSet;
import java.util.Set;

import org.leverans.contracts.TokenClaims.Roles;
import org.leverans.notification.stream.StreamEventNames;

/**
 * What each role gets by e-mail until the person chooses otherwise: orderers follow their orders, receivers the
 * deliveries to their site. Customer service and admins see everything, so by default they get no e-mail at all.
 */
public final class RoleDefaults {

	/** Every event a person may choose, in the order they are offered. */
	public static final Set<String> CHOOSABLE = Set.of(StreamEventNames.ORDER_STATUS_CHANGED,
			StreamEventNames.SHIPMENT_UPDATED, StreamEventNames.SHIPMENT_WINDOW_CHANGED,
			StreamEventNames.SHIPMENT_ARRIVING, StreamEventNames.SHIPMENT_DELIVERED);

	private RoleDefaults() {
	}

	public static Set<String> emailEvents(Set<String> roles) {
		Set<String> events = new LinkedHashSet<>();
		if (roles.contains(Roles.ORDERER)) {
			events.add(StreamEventNames.ORDER_STATUS_CHANGED);
			events.add(StreamEventNames.SHIPMENT_DELIVERED);
		}
		if (roles.contains(Roles.RECEIVER)) {
			events.add(StreamEventNames.SHIPMENT_WINDOW_CHANGED);
			events.add(StreamEventNames.SHIPMENT_ARRIVING);
			events.add(StreamEventNames.SHIPMENT_DELIVERED);
		}
		return Set.copyOf(events);
	}
}

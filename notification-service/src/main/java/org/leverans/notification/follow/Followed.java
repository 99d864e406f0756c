package org.leverans.notification.follow;

import java.util.Set;
import java.util.UUID;

/** Everything one person follows, as the stream and e-mail need it to decide what the person sees. */
public record Followed(Set<UUID> orderIds, Set<UUID> customerIds) {

	public static final Followed NOTHING = new Followed(Set.of(), Set.of());

	public Followed {
		orderIds = Set.copyOf(orderIds);
		customerIds = Set.copyOf(customerIds);
	}
}

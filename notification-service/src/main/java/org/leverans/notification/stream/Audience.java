package org.leverans.notification.stream;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.leverans.contracts.TokenClaims.Roles;
import org.leverans.notification.security.Caller;

/**
 * What one caller may see on the stream: everything (customer service, admins), the changes of the customer a
 * buyer acts for, and the changes concerning the sites a receiver receives at. Roles add up.
 */
public record Audience(boolean everything, Set<UUID> customerIds, Set<UUID> siteIds) {

	public Audience {
		customerIds = Set.copyOf(customerIds);
		siteIds = Set.copyOf(siteIds);
	}

	public static Audience of(Caller caller) {
		if (caller.has(Roles.ADMIN) || caller.has(Roles.CUSTOMER_SERVICE)) {
			return new Audience(true, Set.of(), Set.of());
		}
		Set<UUID> customers = new HashSet<>();
		if ((caller.has(Roles.ORDERER) || caller.has(Roles.AGREEMENT_MANAGER)) && caller.customerId() != null) {
			customers.add(caller.customerId());
		}
		Set<UUID> sites = caller.has(Roles.RECEIVER) ? caller.siteIds() : Set.of();
		return new Audience(false, customers, sites);
	}

	public boolean sees(StreamEvent event) {
		return this.everything
				|| (event.customerId() != null && this.customerIds.contains(event.customerId()))
				|| !Collections.disjoint(this.siteIds, event.siteIds());
	}

	/** A caller who can never see anything, such as a carrier; the stream then only carries heartbeats. */
	public boolean seesNothing() {
		return !this.everything && this.customerIds.isEmpty() && this.siteIds.isEmpty();
	}
}

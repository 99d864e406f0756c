package org.leverans.notification.stream;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.leverans.contracts.TokenClaims.Roles;
import org.leverans.notification.follow.Followed;
import org.leverans.web.caller.Caller;

/**
 * What one caller may see on the stream: everything (admins), the changes of the customer a buyer acts for, the
 * changes concerning the sites a receiver receives at, and the orders and customers customer service follows.
 * Roles add up. Rows aimed at one person ({@link StreamEvent#recipient()}) are seen by that {@code subject} only.
 */
public record Audience(String subject, boolean everything, Set<UUID> customerIds, Set<UUID> siteIds,
		Set<UUID> orderIds) {

	public Audience {
		customerIds = Set.copyOf(customerIds);
		siteIds = Set.copyOf(siteIds);
		orderIds = Set.copyOf(orderIds);
	}

	public static Audience of(Caller caller) {
		return of(caller, Followed.NOTHING);
	}

	/** @param followed what the caller follows; it only counts for customer service */
	public static Audience of(Caller caller, Followed followed) {
		if (caller.has(Roles.ADMIN)) {
			return new Audience(caller.subject(), true, Set.of(), Set.of(), Set.of());
		}
		Set<UUID> customers = new HashSet<>();
		Set<UUID> orders = new HashSet<>();
		if ((caller.has(Roles.ORDERER) || caller.has(Roles.AGREEMENT_MANAGER)) && caller.customerId() != null) {
			customers.add(caller.customerId());
		}
		// Customer service works for every customer, but a stream of all of them is noise: they see what they follow.
		if (caller.has(Roles.CUSTOMER_SERVICE)) {
			customers.addAll(followed.customerIds());
			orders.addAll(followed.orderIds());
		}
		Set<UUID> sites = caller.has(Roles.RECEIVER) ? caller.siteIds() : Set.of();
		return new Audience(caller.subject(), false, customers, sites, orders);
	}

	/** A row aimed at one person is theirs alone, even for an admin who sees everything else. */
	public boolean sees(StreamEvent event) {
		if (event.aimed() && !event.recipient().equals(this.subject)) {
			return false;
		}
		return this.everything
				|| (event.customerId() != null && this.customerIds.contains(event.customerId()))
				|| (event.orderId() != null && this.orderIds.contains(event.orderId()))
				|| !Collections.disjoint(this.siteIds, event.siteIds());
	}

	/** A caller who can never see anything, such as a carrier; the stream then only carries heartbeats. */
	public boolean seesNothing() {
		return !this.everything && this.customerIds.isEmpty() && this.siteIds.isEmpty() && this.orderIds.isEmpty();
	}
}

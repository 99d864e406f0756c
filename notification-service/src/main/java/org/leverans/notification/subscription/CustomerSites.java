package org.leverans.notification.subscription;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Which customer a delivery site belongs to, from what this service has been told: the sites agreement events
 * name ({@link AgreementSites}), and those orders, shipments, receivers' tokens and site subscriptions name. No
 * question to agreement-service: a site its agreement lists is known here from the agreement event on.
 */
@Component
public class CustomerSites {

	private final SiteSubscriptions known;

	CustomerSites(SiteSubscriptions known) {
		this.known = known;
	}

	/** The customers the site belongs to: normally one; none for a site this service never heard of. */
	public List<UUID> customersOf(UUID siteId) {
		return this.known.customersOf(siteId);
	}

	public boolean belongsTo(UUID siteId, UUID customerId) {
		return customersOf(siteId).contains(customerId);
	}
}

package org.leverans.notification.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.leverans.contracts.TokenClaims.Roles;

/**
 * What one delivery site gets by e-mail: its receivers (unless they chose for themselves) and the people of the
 * same customer it names.
 *
 * @param emailEvents {@code null} for the receivers' role defaults
 * @param arrivalLeadMinutes {@code null} for the default lead time
 */
public record SiteSubscription(UUID siteId, UUID customerId, List<String> emailEvents, List<String> alsoNotify,
		Integer arrivalLeadMinutes, String updatedBy, Instant updatedAt) {

	public SiteSubscription {
		emailEvents = (emailEvents != null) ? List.copyOf(emailEvents) : null;
		alsoNotify = List.copyOf(alsoNotify);
	}

	public Set<String> effectiveEmailEvents() {
		return (this.emailEvents != null) ? Set.copyOf(this.emailEvents) : RoleDefaults.receiverEvents();
	}

	/** Whether it speaks for this person: a receiver at the site, or someone it names, of the site's customer. */
	boolean appliesTo(Subscriber subscriber) {
		if (!this.customerId.equals(subscriber.customerId())) {
			return false;
		}
		return names(subscriber) || receivesHere(subscriber);
	}

	boolean names(Subscriber subscriber) {
		return this.alsoNotify.contains(subscriber.subject());
	}

	boolean receivesHere(Subscriber subscriber) {
		return subscriber.roles().contains(Roles.RECEIVER)
				&& subscriber.siteIds().contains(this.siteId);
	}
}

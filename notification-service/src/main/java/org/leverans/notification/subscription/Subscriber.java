package org.leverans.notification.subscription;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.leverans.notification.follow.Followed;
import org.leverans.notification.security.Caller;
import org.leverans.notification.stream.Audience;

/**
 * A person this service can notify, as their token last described them.
 *
 * @param emailEvents the stream events they chose to get by e-mail, or {@code null} for their roles' defaults
 */
public record Subscriber(String subject, String name, String email, String locale, Set<String> roles,
		UUID customerId, Set<UUID> siteIds, List<String> emailEvents) {

	public Subscriber {
		roles = Set.copyOf(roles);
		siteIds = Set.copyOf(siteIds);
		emailEvents = (emailEvents != null) ? List.copyOf(emailEvents) : null;
	}

	/** What they may see: the same rules as the live stream. */
	public Audience audience(Followed followed) {
		return Audience.of(new Caller(this.subject, this.roles, this.customerId, this.siteIds, null), followed);
	}

	public Set<String> effectiveEmailEvents() {
		return (this.emailEvents != null) ? Set.copyOf(this.emailEvents) : RoleDefaults.emailEvents(this.roles);
	}

	public boolean usesDefaults() {
		return this.emailEvents == null;
	}
}

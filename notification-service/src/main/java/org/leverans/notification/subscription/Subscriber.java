package org.leverans.notification.subscription;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.leverans.notification.follow.Followed;
import org.leverans.notification.stream.Audience;
import org.leverans.web.caller.Caller;

/**
 * A person this service can notify, as their token last described them.
 *
 * @param emailEvents the events they chose to get by e-mail, or {@code null} for their site's or roles' defaults
 * @param liveEvents the events they chose to see on the live stream, or {@code null} for everything
 * @param arrivalLeadMinutes how long before a window starts they want "arriving soon", or {@code null} for their
 * site's lead time or the default
 */
public record Subscriber(String subject, String name, String email, String locale, Set<String> roles,
		UUID customerId, Set<UUID> siteIds, List<String> emailEvents, List<String> liveEvents,
		Integer arrivalLeadMinutes) {

	public Subscriber {
		roles = Set.copyOf(roles);
		siteIds = Set.copyOf(siteIds);
		emailEvents = (emailEvents != null) ? List.copyOf(emailEvents) : null;
		liveEvents = (liveEvents != null) ? List.copyOf(liveEvents) : null;
	}

	/** What they may see: the same rules as the live stream. */
	public Audience audience(Followed followed) {
		return Audience.of(new Caller(this.subject, this.roles, this.customerId, this.siteIds, null), followed);
	}

	/** What they get by e-mail when no site subscription speaks for them. */
	public Set<String> effectiveEmailEvents() {
		return (this.emailEvents != null) ? Set.copyOf(this.emailEvents) : RoleDefaults.emailEvents(this.roles);
	}

	public boolean usesDefaults() {
		return this.emailEvents == null;
	}
}

package org.leverans.notification.stream;

import java.util.function.Predicate;

import org.leverans.notification.follow.Follows;
import org.leverans.notification.follow.FollowsChanged;
import org.leverans.web.caller.Caller;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds what a stream shows from the caller's token and what they chose: follows, live events and where their
 * "arriving soon" is their own. When those choices change, the open streams concerned are rebuilt on every instance
 * (here at once, on the others through {@link #CHANNEL}), so a change shows without reconnecting.
 */
@Component
public class StreamViews {

	/** The Postgres notification channel; its payload is a person's subject, or {@value #EVERYONE}. */
	static final String CHANNEL = "stream_view";

	static final String EVERYONE = "*";

	private final Follows follows;

	private final LiveChoices liveChoices;

	private final StreamHub hub;

	private final JdbcClient jdbc;

	StreamViews(Follows follows, LiveChoices liveChoices, StreamHub hub, JdbcClient jdbc) {
		this.follows = follows;
		this.liveChoices = liveChoices;
		this.hub = hub;
		this.jdbc = jdbc;
	}

	StreamView of(Caller caller) {
		Predicate<StreamEvent> chosen = this.liveChoices.of(caller.subject())
			.<Predicate<StreamEvent>>map(events -> event -> EventKinds.shownLive(events, event))
			.orElse(event -> true);
		PersonalArrivals personal = this.liveChoices.personalArrivalsOf(caller.subject());
		return new StreamView(Audience.of(caller, this.follows.of(caller.subject())),
				chosen.and(event -> !personal.replaces(event)));
	}

	/** The person's follows or live choices have changed; {@value #EVERYONE} for everyone's. */
	public void changedFor(String subject) {
		// This instance at once, so the caller's next request already finds their streams changed.
		this.hub.reload(subject);
		this.jdbc.sql("SELECT 1 FROM pg_notify(?, ?)").params(CHANNEL, subject).query(Integer.class).single();
	}

	/** Something many people's streams depend on has changed, such as a site's "arriving soon" lead time. */
	public void changedForEveryone() {
		changedFor(EVERYONE);
	}

	@EventListener
	void on(FollowsChanged change) {
		changedFor(change.subject());
	}
}

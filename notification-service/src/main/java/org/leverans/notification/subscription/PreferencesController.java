package org.leverans.notification.subscription;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.leverans.notification.stream.StreamViews;
import org.leverans.web.caller.Caller;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/subscriptions/me}: which events the caller gets on which channel, and how long before a delivery
 * window starts their "arriving soon" e-mail goes. A PUT replaces the whole choice: each channel left out (or
 * {@code null}) goes back to its defaults (e-mail: the site's or the roles'; live: everything the caller may see).
 * The webhook channel belongs to the customer's endpoints ({@code /api/webhooks}), not to a person.
 */
@RestController
class PreferencesController {

	private static final String WEBHOOKS = "Webhook endpoints choose their events themselves: POST /api/webhooks "
			+ "{url, events}.";

	private final Subscribers subscribers;

	private final ArrivalAlertProperties arrival;

	private final StreamViews streams;

	PreferencesController(Subscribers subscribers, ArrivalAlertProperties arrival, StreamViews streams) {
		this.subscribers = subscribers;
		this.arrival = arrival;
		this.streams = streams;
	}

	@GetMapping("/api/subscriptions/me")
	Preferences preferences(@AuthenticationPrincipal Jwt jwt) {
		return preferencesOf(current(jwt));
	}

	@PutMapping("/api/subscriptions/me")
	ResponseEntity<?> choose(@AuthenticationPrincipal Jwt jwt, @RequestBody PreferencesChange change) {
		SubscriptionProblems problems = new SubscriptionProblems();
		Map<String, List<String>> channels = (change.channels() != null) ? change.channels() : Map.of();
		for (String channel : channels.keySet()) {
			if (!SubscriptionProblems.CHANNEL_EMAIL.equals(channel) && !SubscriptionProblems.CHANNEL_LIVE.equals(channel)) {
				problems.channelNotHere(channel, WEBHOOKS);
			}
		}
		if (change.emailEvents() != null && channels.containsKey(SubscriptionProblems.CHANNEL_EMAIL)) {
			problems.error("emailEvents", "CONFLICT", "Choose e-mail events either in channels.email or in the "
					+ "older emailEvents, not both.");
		}
		// The older form {"emailEvents":[…]} still chooses the e-mail channel.
		List<String> email = channels.containsKey(SubscriptionProblems.CHANNEL_EMAIL)
				? problems.events("channels.email", channels.get(SubscriptionProblems.CHANNEL_EMAIL))
				: problems.events("emailEvents", change.emailEvents());
		List<String> live = problems.events("channels.live", channels.get(SubscriptionProblems.CHANNEL_LIVE));
		problems.leadMinutes(change.arrivalLeadMinutes(), this.arrival);
		if (problems.any()) {
			throw problems.problem("The subscription names events, channels or a lead time that do not exist.");
		}
		String subject = Caller.of(jwt).subject();
		this.subscribers.choose(subject, email, live, change.arrivalLeadMinutes());
		this.streams.changedFor(subject);
		return ResponseEntity.ok(preferencesOf(current(jwt)));
	}

	private Subscriber current(Jwt jwt) {
		// The interceptor has stored the caller before any handler runs.
		return this.subscribers.find(jwt.getSubject())
			.orElseThrow(() -> new IllegalStateException("No subscriber for " + jwt.getSubject()));
	}

	private Preferences preferencesOf(Subscriber subscriber) {
		List<String> email = subscriber.effectiveEmailEvents().stream().sorted().toList();
		// Every stream name together is everything the caller may see.
		List<String> live = (subscriber.liveEvents() != null) ? subscriber.liveEvents().stream().sorted().toList()
				: RoleDefaults.CHOOSABLE.stream().sorted().toList();
		Map<String, List<String>> channels = new LinkedHashMap<>();
		channels.put(SubscriptionProblems.CHANNEL_EMAIL, email);
		channels.put(SubscriptionProblems.CHANNEL_LIVE, live);
		Map<String, Boolean> defaults = new LinkedHashMap<>();
		defaults.put(SubscriptionProblems.CHANNEL_EMAIL, subscriber.emailEvents() == null);
		defaults.put(SubscriptionProblems.CHANNEL_LIVE, subscriber.liveEvents() == null);
		defaults.put("arrivalLeadMinutes", subscriber.arrivalLeadMinutes() == null);
		int lead = (subscriber.arrivalLeadMinutes() != null) ? subscriber.arrivalLeadMinutes()
				: (int) this.arrival.leadTime().toMinutes();
		return new Preferences(subscriber.email(), subscriber.locale(), channels, lead, defaults, email,
				subscriber.usesDefaults(), RoleDefaults.SUBSCRIBABLE.stream().sorted().toList(), WEBHOOKS);
	}

	/** @param emailEvents the older form of {@code channels.email} */
	record PreferencesChange(Map<String, List<String>> channels, Integer arrivalLeadMinutes, List<String> emailEvents) {
	}

	/**
	 * @param channels the events the caller gets per channel
	 * @param emailEvents the same as {@code channels.email}, for clients of the older form
	 * @param roleDefaults whether e-mail follows the defaults, for clients of the older form
	 */
	record Preferences(String email, String locale, Map<String, List<String>> channels, int arrivalLeadMinutes,
			Map<String, Boolean> defaults, List<String> emailEvents, boolean roleDefaults,
			List<String> choosableEvents, String webhooks) {
	}
}

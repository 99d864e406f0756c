package org.leverans.notification.subscription;

import java.util.Optional;
import java.util.Set;

import org.leverans.notification.stream.LiveChoices;

import org.springframework.stereotype.Component;

/** The live stream asks here what a person chose to see ({@code channels.live} of their subscription). */
@Component
class SubscriberLiveChoices implements LiveChoices {

	private final Subscribers subscribers;

	SubscriberLiveChoices(Subscribers subscribers) {
		this.subscribers = subscribers;
	}

	@Override
	public Optional<Set<String>> of(String subject) {
		return this.subscribers.liveEvents(subject);
	}
}

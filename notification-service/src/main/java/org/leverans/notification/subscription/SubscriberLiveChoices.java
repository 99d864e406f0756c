package org.leverans.notification.subscription;

import java.util.Optional;
import java.util.Set;

import org.leverans.notification.stream.LiveChoices;
import org.leverans.notification.stream.PersonalArrivals;

import org.springframework.stereotype.Component;

/**
 * The live stream asks here what a person chose to see ({@code channels.live} of their subscription) and where
 * their "arriving soon" lead time is their own.
 */
@Component
class SubscriberLiveChoices implements LiveChoices {

	private final Subscribers subscribers;

	private final ArrivalAlertProperties arrival;

	SubscriberLiveChoices(Subscribers subscribers, ArrivalAlertProperties arrival) {
		this.subscribers = subscribers;
		this.arrival = arrival;
	}

	@Override
	public Optional<Set<String>> of(String subject) {
		return this.subscribers.liveEvents(subject);
	}

	@Override
	public PersonalArrivals personalArrivalsOf(String subject) {
		return this.subscribers.personalArrivals(subject, this.arrival.leadTime().toMinutes());
	}
}

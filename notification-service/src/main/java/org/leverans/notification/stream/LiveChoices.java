package org.leverans.notification.stream;

import java.util.Optional;
import java.util.Set;

/** What a person chose to see on their live stream; implemented where subscriptions are kept. */
public interface LiveChoices {

	/** @return the events the person chose, or empty for everything they may see */
	Optional<Set<String>> of(String subject);

	/** @return where the person's "arriving soon" comes aimed at them rather than shared */
	PersonalArrivals personalArrivalsOf(String subject);
}

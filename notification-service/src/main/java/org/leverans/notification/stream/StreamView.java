package org.leverans.notification.stream;

import java.util.function.Predicate;

/**
 * What one open stream shows: what its caller may see ({@link Audience}), narrowed to what they chose to see live.
 */
record StreamView(Audience audience, Predicate<StreamEvent> wanted) {

	boolean shows(StreamEvent event) {
		return this.audience.sees(event) && this.wanted.test(event);
	}
}

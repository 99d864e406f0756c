package org.leverans.notification.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One try at sending one queued message, as its channel saw it.
 *
 * @param statusCode the receiver's HTTP status, {@code null} when it did not answer or the channel has none
 * @param response the start of the receiver's answer, bounded by the channel
 * @param error why there was no answer (connection refused, timeout, refused address, the mail server's error);
 * {@code null} when there was one
 * @param retryAfter how long the receiver asked to be left alone, if it did
 */
public record Attempt(Instant startedAt, Instant endedAt, Integer statusCode, String response, String error,
		Optional<Duration> retryAfter) {

	/** A try that got an answer (or, without status codes, went through). */
	public static Attempt answered(Instant startedAt, Instant endedAt, Integer statusCode, String response,
			Optional<Duration> retryAfter) {
		return new Attempt(startedAt, endedAt, statusCode, response, null, retryAfter);
	}

	/** A try that got no answer. */
	public static Attempt unanswered(Instant startedAt, Instant endedAt, String error) {
		return new Attempt(startedAt, endedAt, null, null, error, Optional.empty());
	}

	public boolean delivered() {
		return this.error == null && (this.statusCode == null || (this.statusCode >= 200 && this.statusCode < 300));
	}

	/** What went wrong, as the queue keeps it in {@code last_error}; {@code null} when delivered. */
	public String failure() {
		if (delivered()) {
			return null;
		}
		return (this.error != null) ? this.error : "HTTP " + this.statusCode;
	}

	public Duration duration() {
		return Duration.between(this.startedAt, this.endedAt);
	}
}

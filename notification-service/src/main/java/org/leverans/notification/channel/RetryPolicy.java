package org.leverans.notification.channel;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a failed message is tried again: the one retry rule of every channel, as a pure function of what happened,
 * so the schedule of a whole day can be tested without waiting for it.
 * <ul>
 * <li>Every failed try is retried after the next wait of the schedule, stretched by up to {@code jitter} of it at
 * random, until the schedule is used up: the message then ends FAILED. A webhook receiver answering 400 or 401 is
 * most often misconfigured for a while (a deployment, a secret being rotated), and a day of retries gives its people
 * time to fix it.</li>
 * <li>For channels that answer in HTTP: 410 Gone ends the message at once (the receiver says the address is gone
 * for good), and on 429 and 503 a {@code Retry-After} (seconds or an HTTP date) is honoured: the next try is not
 * before it, but never later than {@code maxRetryAfter}.</li>
 * </ul>
 */
public final class RetryPolicy {

	private final List<Duration> schedule;

	private final double jitter;

	private final Duration maxRetryAfter;

	public RetryPolicy(List<Duration> schedule, double jitter, Duration maxRetryAfter) {
		this.schedule = List.copyOf(schedule);
		this.jitter = jitter;
		this.maxRetryAfter = maxRetryAfter;
	}

	/** Waits that double from {@code first}, for a channel that gives a message {@code maxAttempts} tries. */
	public static RetryPolicy doubling(Duration first, int maxAttempts) {
		List<Duration> schedule = new ArrayList<>();
		for (int attempt = 1; attempt < maxAttempts; attempt++) {
			schedule.add(first.multipliedBy(1L << Math.min(attempt - 1, 16)));
		}
		return new RetryPolicy(schedule, 0, Duration.ZERO);
	}

	/** The tries a message gets in all: the first, and one after each wait. */
	int maxAttempts() {
		return this.schedule.size() + 1;
	}

	/**
	 * @param attempts how many times the message has been tried, the failed try included
	 * @param statusCode the receiver's HTTP status, {@code null} when there was no answer or the channel has none
	 * @param retryAfter the receiver's {@code Retry-After}, already read as a wait
	 * @param random a number in [0, 1) that picks the jitter
	 * @return the wait before the next try, or empty when the message has failed for good
	 */
	public Optional<Duration> nextWait(int attempts, Integer statusCode, Optional<Duration> retryAfter, double random) {
		if (Integer.valueOf(410).equals(statusCode) || attempts >= maxAttempts()) {
			return Optional.empty();
		}
		Duration scheduled = this.schedule.get(Math.max(attempts - 1, 0));
		Duration wait = scheduled.plusMillis(Math.round(scheduled.toMillis() * this.jitter * random));
		if (retryAfter.isPresent() && statusCode != null && (statusCode == 429 || statusCode == 503)) {
			Duration asked = min(retryAfter.get(), this.maxRetryAfter);
			if (asked.compareTo(wait) > 0) {
				wait = asked;
			}
		}
		return Optional.of(wait);
	}

	/**
	 * Reads a {@code Retry-After} value (RFC 9110: delay-seconds or an HTTP date); empty when absent or not
	 * readable. A date in the past is no wait at all.
	 */
	public static Optional<Duration> retryAfter(String header, Instant now) {
		if (header == null || header.isBlank()) {
			return Optional.empty();
		}
		String value = header.trim();
		if (value.matches("\\d{1,10}")) {
			return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
		}
		try {
			Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}
}

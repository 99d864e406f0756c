package org.leverans.notification.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

	private static final List<Duration> DEFAULT = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
			Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
			Duration.ofHours(10));

	private final RetryPolicy policy = new RetryPolicy(DEFAULT, 0.2, Duration.ofHours(1));

	@Test
	void defaultScheduleKeepsRetryingForMoreThanADayEvenWithoutJitter() {
		Duration total = Duration.ZERO;
		int attempts = 1;
		Optional<Duration> wait;
		while ((wait = this.policy.nextWait(attempts, 500, Optional.empty(), 0.0)).isPresent()) {
			total = total.plus(wait.get());
			attempts++;
		}
		assertThat(attempts).isEqualTo(8).isEqualTo(this.policy.maxAttempts());
		assertThat(total).isGreaterThanOrEqualTo(Duration.ofHours(24));
	}

	@Test
	void jitterOnlyStretchesTheScheduledWaitByUpToItsFraction() {
		assertThat(this.policy.nextWait(2, 500, Optional.empty(), 0.0)).contains(Duration.ofMinutes(5));
		assertThat(this.policy.nextWait(2, 500, Optional.empty(), 0.5)).contains(Duration.ofMinutes(5).plusSeconds(30));
		assertThat(this.policy.nextWait(2, null, Optional.empty(), 0.999).orElseThrow())
			.isLessThan(Duration.ofMinutes(6));
	}

	@Test
	void givesUpAfterTheLastScheduledWait() {
		assertThat(this.policy.nextWait(7, 500, Optional.empty(), 0.0)).contains(Duration.ofHours(10));
		assertThat(this.policy.nextWait(8, 500, Optional.empty(), 0.0)).isEmpty();
	}

	@Test
	void goneEndsTheMessageAtOnce() {
		assertThat(this.policy.nextWait(1, 410, Optional.empty(), 0.0)).isEmpty();
	}

	@Test
	void otherClientErrorsAreRetriedLikeServerErrors() {
		assertThat(this.policy.nextWait(1, 400, Optional.empty(), 0.0)).contains(Duration.ofSeconds(5));
		assertThat(this.policy.nextWait(1, 401, Optional.empty(), 0.0)).contains(Duration.ofSeconds(5));
	}

	@Test
	void honoursRetryAfterOnTooManyRequestsAndUnavailable() {
		assertThat(this.policy.nextWait(1, 429, Optional.of(Duration.ofSeconds(120)), 0.0))
			.contains(Duration.ofSeconds(120));
		assertThat(this.policy.nextWait(1, 503, Optional.of(Duration.ofSeconds(120)), 0.0))
			.contains(Duration.ofSeconds(120));
	}

	@Test
	void retryAfterNeverShortensTheSchedule() {
		assertThat(this.policy.nextWait(3, 429, Optional.of(Duration.ofSeconds(1)), 0.0))
			.contains(Duration.ofMinutes(30));
	}

	@Test
	void retryAfterIsIgnoredOnOtherStatuses() {
		assertThat(this.policy.nextWait(1, 500, Optional.of(Duration.ofSeconds(120)), 0.0))
			.contains(Duration.ofSeconds(5));
	}

	@Test
	void retryAfterIsBoundedByTheMaximum() {
		assertThat(this.policy.nextWait(1, 503, Optional.of(Duration.ofDays(3)), 0.0)).contains(Duration.ofHours(1));
	}

	@Test
	void readsRetryAfterAsSecondsOrHttpDate() {
		Instant now = Instant.parse("2026-11-22T20:00:00Z");
		assertThat(RetryPolicy.retryAfter("30", now)).contains(Duration.ofSeconds(30));
		assertThat(RetryPolicy.retryAfter(" 0 ", now)).contains(Duration.ZERO);
		assertThat(RetryPolicy.retryAfter("Sun, 22 Nov 2026 20:02:00 GMT", now))
			.contains(Duration.ofMinutes(2));
		assertThat(RetryPolicy.retryAfter("Sun, 22 Nov 2026 19:00:00 GMT", now)).contains(Duration.ZERO);
	}

	@Test
	void unreadableRetryAfterIsNoRetryAfter() {
		Instant now = Instant.parse("2026-11-22T20:00:00Z");
		assertThat(RetryPolicy.retryAfter(null, now)).isEmpty();
		assertThat(RetryPolicy.retryAfter("soon", now)).isEmpty();
		assertThat(RetryPolicy.retryAfter("-5", now)).isEmpty();
	}

	@Test
	void doublingWaitsFromTheFirstUntilTheAttemptsAreUsedUp() {
		RetryPolicy mail = RetryPolicy.doubling(Duration.ofSeconds(30), 4);
		assertThat(mail.nextWait(1, null, Optional.empty(), 0.9)).contains(Duration.ofSeconds(30));
		assertThat(mail.nextWait(2, null, Optional.empty(), 0.9)).contains(Duration.ofMinutes(1));
		assertThat(mail.nextWait(3, null, Optional.empty(), 0.9)).contains(Duration.ofMinutes(2));
		assertThat(mail.nextWait(4, null, Optional.empty(), 0.9)).isEmpty();
		assertThat(RetryPolicy.doubling(Duration.ofSeconds(30), 1).nextWait(1, null, Optional.empty(), 0.0)).isEmpty();
	}
}

package org.leverans.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bucket;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Caffeine's clock is moved by hand and its upkeep runs on the calling thread, so nothing here waits. */
class CallerBucketsTest {

	private static final Duration IDLE = Duration.ofMinutes(10);

	private final AtomicLong nanos = new AtomicLong();

	private final Ticker clock = this.nanos::get;

	private final RateLimits.Limit limit = new RateLimits.Limit(3, 1);

	@Test
	void dropsTheBucketOfACallerIdleForLongerThanTheExpiry() {
		CallerBuckets buckets = new CallerBuckets(new RateLimits.Buckets(IDLE, 100), this.clock, Runnable::run);
		Caller idle = caller("address:10.0.0.1");
		Caller active = caller("person:anna");
		Bucket idleBucket = buckets.of(idle);
		Bucket activeBucket = buckets.of(active);

		pass(IDLE.dividedBy(2));
		buckets.of(active);
		pass(IDLE.dividedBy(2).plusSeconds(1));

		assertThat(buckets.count()).as("buckets left").isEqualTo(1);
		assertThat(buckets.of(active)).as("the active caller's bucket").isSameAs(activeBucket);
		assertThat(buckets.of(idle)).as("the idle caller's bucket, asked for again").isNotSameAs(idleBucket);
	}

	@Test
	void keepsNoMoreBucketsThanTheMaximum() {
		CallerBuckets buckets = new CallerBuckets(new RateLimits.Buckets(IDLE, 50), this.clock, Runnable::run);

		for (int address = 0; address < 500; address++) {
			buckets.of(caller("address:10.0.%d.%d".formatted(address / 256, address % 256)));
			assertThat(buckets.count()).as("buckets after %d callers", address + 1).isLessThanOrEqualTo(50);
		}
		assertThat(buckets.count()).isEqualTo(50);
	}

	private Caller caller(String key) {
		return new Caller(key, this.limit);
	}

	private void pass(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}

package org.leverans.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bucket;

/**
 * Each caller's token bucket, kept while the caller is active: a bucket idle for {@link RateLimits.Buckets
 * #expireAfterIdle()} is dropped, and no more than {@link RateLimits.Buckets#maximumCallers()} are kept, so a stream
 * of new addresses or clients cannot fill the gateway's memory.
 */
final class CallerBuckets {

	private final Cache<String, Bucket> buckets;

	CallerBuckets(RateLimits.Buckets settings) {
		this(settings, Ticker.systemTicker(), ForkJoinPool.commonPool());
	}

	/** With the clock and the thread of Caffeine's upkeep (evictions) chosen, as tests need them. */
	CallerBuckets(RateLimits.Buckets settings, Ticker ticker, Executor upkeep) {
		this.buckets = Caffeine.newBuilder()
			.expireAfterAccess(settings.expireAfterIdle())
			.maximumSize(settings.maximumCallers())
			.ticker(ticker)
			.executor(upkeep)
			.build();
	}

	Bucket of(Caller caller) {
		return this.buckets.get(caller.key(), (key) -> Bucket.builder()
			.addLimit((bandwidth) -> bandwidth.capacity(caller.limit().capacity())
				.refillGreedy(caller.limit().refillPerSecond(), Duration.ofSeconds(1)))
			.build());
	}

	/** How many callers have a bucket now, once pending evictions are done. */
	long count() {
		this.buckets.cleanUp();
		return this.buckets.estimatedSize();
	}

}

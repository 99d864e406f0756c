package org.leverans.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many requests one caller may make, by kind of caller. People (browser sessions and tokens issued to a
 * signed-in person) click and page; API clients (client-credentials tokens: ERP integrations, carriers) send
 * batches and replays, so they get more, and a client named in {@code clients} gets its own limit.
 *
 * @param people the limit of each person (and of each anonymous address)
 * @param apiClients the limit of each API client not named in {@code clients}
 * @param clients limits by client id (the token's {@code client_id}, which is also its {@code sub})
 * @param buckets how many callers' buckets are kept, and for how long
 */
@Validated
@ConfigurationProperties("leverans.rate-limit")
public record RateLimits(@Valid Limit people, @Valid Limit apiClients, Map<String, @Valid Limit> clients,
		@Valid Buckets buckets) {

	public RateLimits {
		people = (people != null) ? people : new Limit(100, 50);
		apiClients = (apiClients != null) ? apiClients : new Limit(2_000, 1_000);
		clients = (clients != null) ? Map.copyOf(clients) : Map.of();
		buckets = (buckets != null) ? buckets : new Buckets(Duration.ofMinutes(10), 100_000);
	}

	Limit forClient(String clientId) {
		return this.clients.getOrDefault(clientId, this.apiClients);
	}

	/**
	 * A token bucket: a burst of {@code capacity} requests, refilled at {@code refillPerSecond}.
	 *
	 * @param capacity the most requests at once
	 * @param refillPerSecond the sustained rate
	 */
	public record Limit(@Positive long capacity, @Positive long refillPerSecond) {
	}

	/**
	 * The buckets kept in memory. Every anonymous address gets one, so without a bound they would grow with every
	 * address that ever called. A bucket left idle for longer than it takes to refill is full again, so forgetting
	 * it gives its caller nothing that waiting would not: keep {@code expireAfterIdle} well above the slowest
	 * limit's {@code capacity / refillPerSecond}.
	 *
	 * @param expireAfterIdle how long a caller's bucket is kept after its last request
	 * @param maximumCallers the most buckets kept; past it the least used are dropped first
	 */
	public record Buckets(@NotNull Duration expireAfterIdle, @Positive long maximumCallers) {
	}

}

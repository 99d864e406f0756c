package org.leverans.gateway.overload;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.leverans.gateway.problem.RetryAfter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much the gateway lets through to each service before it refuses instead of queueing.
 *
 * @param maxInFlight the most requests in progress per service (across all its routes) the bound may grow to, and
 * where it starts; long-lived streams do not count
 * @param maxInFlightByService the most of a service named here, instead of {@code maxInFlight}
 * @param minInFlight the least the bound shrinks to, however slowly a service answers
 * @param latencyTarget an answer slower than this shrinks the service's bound; quick ones let it grow again
 * @param maxWait how long a request may wait for a place before it is refused; short, so a burst is smoothed but a
 * client never waits long to hear "no"
 * @param retryAfter what the gateway's 502, 503 and 504 answers tell the client to wait before trying again
 */
@Validated
@ConfigurationProperties("leverans.overload")
public record Overload(@DefaultValue("128") @Positive int maxInFlight, Map<String, @Positive Integer> maxInFlightByService,
		@DefaultValue("16") @Positive int minInFlight, @DefaultValue("300ms") @NotNull Duration latencyTarget,
		@DefaultValue("50ms") @NotNull Duration maxWait, @DefaultValue("1s") @NotNull Duration retryAfter)
		implements RetryAfter {

	public Overload {
		maxInFlightByService = (maxInFlightByService != null) ? Map.copyOf(maxInFlightByService) : Map.of();
	}

	int maxInFlightOf(String service) {
		return this.maxInFlightByService.getOrDefault(service, this.maxInFlight);
	}

	/** Retry-After takes whole seconds; never tell a client 0. */
	@Override
	public long retryAfterSeconds() {
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

}

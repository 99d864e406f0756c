package org.leverans.credit.bureau;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The external credit bureau, under {@code leverans.credit.bureau} (env {@code LEVERANS_CREDIT_BUREAU_URL} moves it).
 *
 * @param url base URL; ratings are at {@code {url}/v1/companies/{businessId}/rating}
 * @param connectTimeout how long to wait for a connection
 * @param timeout how long one attempt may take before the time limiter abandons it
 */
@ConfigurationProperties("leverans.credit.bureau")
public record BureauProperties(@DefaultValue("http://localhost:8089") URI url,
		@DefaultValue("1s") Duration connectTimeout, @DefaultValue("2s") Duration timeout,
		@DefaultValue Retry retry, @DefaultValue CircuitBreaker circuitBreaker, @DefaultValue Bulkhead bulkhead,
		@DefaultValue Cache cache) {

	/** Retries of transient failures (5xx, 429, timeouts, connection errors), never of a 404. */
	public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("200ms") Duration initialBackoff,
			@DefaultValue("2.0") double multiplier) {
	}

	public record CircuitBreaker(@DefaultValue("10") int slidingWindowSize, @DefaultValue("5") int minimumCalls,
			@DefaultValue("50") float failureRateThreshold, @DefaultValue("1500ms") Duration slowCallDuration,
			@DefaultValue("80") float slowCallRateThreshold, @DefaultValue("30s") Duration waitInOpen,
			@DefaultValue("2") int callsInHalfOpen) {
	}

	/** Caps how many bureau calls run at once, so a slow bureau cannot tie up every consumer thread. */
	public record Bulkhead(@DefaultValue("10") int maxConcurrentCalls, @DefaultValue("500ms") Duration maxWait) {
	}

	/**
	 * Ratings (and "unknown company") are remembered; failures never are.
	 *
	 * @param timeToLive how long an answer is used without asking the bureau again
	 * @param staleIfUnavailable how old an answer may be and still be used while the bureau cannot answer
	 * @param maxSize how many companies' answers are kept
	 */
	public record Cache(@DefaultValue("10m") Duration timeToLive, @DefaultValue("24h") Duration staleIfUnavailable,
			@DefaultValue("10000") long maxSize) {
	}
}

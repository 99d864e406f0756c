package org.leverans.order;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the order-service, under {@code leverans.orders}.
 *
 * @param idempotencyKeyRetention how long an {@code Idempotency-Key} and its stored answer are kept; a repeat
 * within this time gets the first answer again
 * @param historyMaxPageSize the largest page the history and search endpoints return
 * @param productCodesKnownFor how long a product code agreement-service said it knows is taken as known at placement
 * without asking again (zero: ask every time); the validation that follows stays authoritative either way
 * @param admission when new orders are refused because the flow is behind
 */
@ConfigurationProperties("leverans.orders")
public record OrderProperties(@DefaultValue("24h") Duration idempotencyKeyRetention,
		@DefaultValue("100") int historyMaxPageSize, @DefaultValue("10m") Duration productCodesKnownFor,
		@DefaultValue Admission admission) {

	/**
	 * @param maxUndecided orders placed but not yet decided (PLACED, VALIDATED) at which new ones are refused with
	 * {@code 503}; orders waiting for a person (approval, credit review) do not count
	 * @param refresh how often the count is read from the database
	 * @param retryAfter what the refusal tells the client to wait
	 */
	public record Admission(@DefaultValue("200") long maxUndecided, @DefaultValue("250ms") Duration refresh,
			@DefaultValue("2s") Duration retryAfter) {
	}
}

package org.leverans.delivery.partner;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The partner API, under {@code leverans.delivery.partner}.
 *
 * @param maxBatchSize the most events one request may carry
 * @param maxClockSkew how far ahead of our clock an event's occurredAt may be
 * @param concurrentBatches how many turns (transactions of posted events, each taking every request waiting for one)
 * this instance runs at once; fewer than the connection pool holds, so that the outbox relay and the consumers always
 * find a connection
 * @param admissionWait how long a request waits to be taken into a turn before it is refused with 503 and
 * Retry-After
 */
@ConfigurationProperties("leverans.delivery.partner")
record PartnerProperties(@DefaultValue("1000") int maxBatchSize, @DefaultValue("15m") Duration maxClockSkew,
		@DefaultValue("4") int concurrentBatches, @DefaultValue("2s") Duration admissionWait) {
}

package org.leverans.delivery.partner;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The partner API, under {@code leverans.delivery.partner}.
 *
 * @param maxBatchSize the most events one request may carry
 * @param maxClockSkew how far ahead of our clock an event's occurredAt may be
 */
@ConfigurationProperties("leverans.delivery.partner")
record PartnerProperties(@DefaultValue("1000") int maxBatchSize, @DefaultValue("15m") Duration maxClockSkew) {
}

package org.leverans.order.claims;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Claims, under {@code leverans.orders.claims}.
 *
 * @param fileWithin how long after a delivery its goods can be claimed
 * @param photoMaxSize the largest photo accepted (the gateway's body bound for the upload path is a little larger,
 * so a too-large photo gets this service's clear problem)
 * @param maxPhotos the most photos one claim keeps
 * @param photoMaxPixels the largest picture (width × height) accepted, read from the image's header: a small file can
 * announce a huge picture, and no one who opens it should have to decode that
 */
@ConfigurationProperties("leverans.orders.claims")
public record ClaimProperties(@DefaultValue("30d") Duration fileWithin, @DefaultValue("5MB") DataSize photoMaxSize,
		@DefaultValue("5") int maxPhotos, @DefaultValue("50000000") long photoMaxPixels) {
}

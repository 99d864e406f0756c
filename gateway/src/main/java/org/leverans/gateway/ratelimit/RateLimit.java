package org.leverans.gateway.ratelimit;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many requests one caller may make: a burst of {@code capacity}, refilled at {@code refillPerSecond}.
 */
@Validated
@ConfigurationProperties("leverans.rate-limit")
public record RateLimit(@DefaultValue("200") @Positive long capacity, @DefaultValue("50") @Positive long refillPerSecond) {
}

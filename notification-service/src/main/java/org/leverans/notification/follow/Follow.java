package org.leverans.notification.follow;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One thing a customer service person follows: an order or a customer, never both. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Follow(UUID id, UUID orderId, UUID customerId, Instant createdAt) {
}

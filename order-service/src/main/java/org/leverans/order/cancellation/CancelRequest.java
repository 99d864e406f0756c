package org.leverans.order.cancellation;

import jakarta.validation.constraints.Size;

/** Optional body of {@code POST /api/orders/{id}/cancel}. */
public record CancelRequest(@Size(max = 500) String reason) {
}

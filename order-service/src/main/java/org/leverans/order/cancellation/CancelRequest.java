package org.leverans.order.cancellation;

import jakarta.validation.constraints.Size;
import org.leverans.web.input.MultilineText;

/** Optional body of {@code POST /api/orders/{id}/cancel}. */
public record CancelRequest(@MultilineText @Size(max = 500) String reason) {
}

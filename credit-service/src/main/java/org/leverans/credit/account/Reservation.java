package org.leverans.credit.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order's total held against its customer's credit; {@code status} is OPEN or RELEASED. */
public record Reservation(UUID orderId, UUID customerId, BigDecimal amount, String currency, String status,
		String reservedBy, Instant reservedAt) {

	public boolean open() {
		return "OPEN".equals(this.status);
	}
}

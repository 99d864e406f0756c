package org.leverans.agreement.customers;

import java.time.ZoneId;
import java.util.UUID;

/** A business customer. Its time zone decides which calendar day an order was placed on. */
public record Customer(UUID id, String name, String businessId, String countryCode, ZoneId timeZone) {
}

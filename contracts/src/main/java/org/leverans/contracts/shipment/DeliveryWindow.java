package org.leverans.contracts.shipment;

import java.time.Instant;

/** When a shipment is expected to arrive. {@code basis}: PLANNED, CARRIER_ETA, PREDICTED or ACTUAL. */
public record DeliveryWindow(Instant from, Instant to, String basis, Instant updatedAt) {
}

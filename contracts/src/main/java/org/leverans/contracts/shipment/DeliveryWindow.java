package org.leverans.contracts.shipment;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * When a shipment is expected to arrive. {@code basis}: PLANNED, CARRIER_ETA, PREDICTED or ACTUAL.
 * {@code confidence} says how sure the window is; events written before it existed have none, so readers must
 * accept it missing. It is left out rather than written as null, so the schemas stay as they were for a window
 * without one.
 */
public record DeliveryWindow(Instant from, Instant to, String basis, Instant updatedAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) WindowConfidence confidence) {

	/** A window that makes no claim about how sure it is. */
	public DeliveryWindow(Instant from, Instant to, String basis, Instant updatedAt) {
		this(from, to, basis, updatedAt, null);
	}
}

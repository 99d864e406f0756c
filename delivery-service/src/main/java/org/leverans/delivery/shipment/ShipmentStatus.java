package org.leverans.delivery.shipment;

import java.util.EnumSet;
import java.util.Set;

public enum ShipmentStatus {

	PLANNED, INFO_RECEIVED, PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, ARRIVING, DELIVERED, DELIVERY_FAILED, EXCEPTION,
	RETURNED, CANCELLED;

	private static final Set<ShipmentStatus> NOT_YET_PICKED_UP = EnumSet.of(PLANNED, INFO_RECEIVED);

	/** An order may be cancelled, and its shipments with it, until the carrier has picked the goods up. */
	public boolean notYetPickedUp() {
		return NOT_YET_PICKED_UP.contains(this);
	}
}

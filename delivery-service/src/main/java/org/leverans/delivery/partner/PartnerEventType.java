package org.leverans.delivery.partner;

import java.util.Arrays;
import java.util.Optional;

import org.leverans.delivery.shipment.ShipmentStatus;

/** The partner vocabulary, after the parcel and freight trackers' common taxonomy, and the status each implies. */
public enum PartnerEventType {

	INFO_RECEIVED(ShipmentStatus.INFO_RECEIVED), PICKED_UP(ShipmentStatus.PICKED_UP),
	IN_TRANSIT(ShipmentStatus.IN_TRANSIT), OUT_FOR_DELIVERY(ShipmentStatus.OUT_FOR_DELIVERY),
	/** Only news about the arrival time; the shipment stays where it was. */
	ETA_UPDATED(null), ARRIVING(ShipmentStatus.ARRIVING), DELIVERED(ShipmentStatus.DELIVERED),
	DELIVERY_FAILED(ShipmentStatus.DELIVERY_FAILED), EXCEPTION(ShipmentStatus.EXCEPTION),
	RETURNED(ShipmentStatus.RETURNED);

	private final ShipmentStatus status;

	PartnerEventType(ShipmentStatus status) {
		this.status = status;
	}

	/** The shipment's status after this event, if the event says where the shipment is. */
	public Optional<ShipmentStatus> status() {
		return Optional.ofNullable(this.status);
	}

	/** Buyers and customer service are told separately when one of these happens. */
	public boolean isException() {
		return this == DELIVERY_FAILED || this == EXCEPTION || this == RETURNED;
	}

	static Optional<PartnerEventType> named(String name) {
		return Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
	}
}

package org.leverans.delivery.shipment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import org.leverans.contracts.shipment.DeliveryWindow;
import org.leverans.contracts.shipment.ProofOfDelivery;

/** A shipment as stored: what was planned, and what the partner events have told so far. */
public record Shipment(UUID id, UUID orderId, String orderNumber, UUID customerId, UUID siteId, String siteName,
		String countryCode, ZoneId zone, String carrier, String trackingNumber, ShipmentStatus status,
		Instant statusOccurredAt, LocalDate plannedDate, LocalTime slotFrom, LocalTime slotTo, int shipmentsInOrder,
		Instant plannedAt, Instant eta, Instant etaOccurredAt, Instant latestEventAt, Instant deliveredAt,
		ProofOfDelivery proofOfDelivery, DeliveryWindow window) {

	/** The same shipment with what partner events (or a cancellation) have since told. */
	public Shipment withProgress(ShipmentStatus newStatus, Instant newStatusOccurredAt, Instant newEta,
			Instant newEtaOccurredAt, Instant newLatestEventAt, Instant newDeliveredAt, ProofOfDelivery newProof,
			DeliveryWindow newWindow) {
		return new Shipment(this.id, this.orderId, this.orderNumber, this.customerId, this.siteId, this.siteName,
				this.countryCode, this.zone, this.carrier, this.trackingNumber, newStatus, newStatusOccurredAt,
				this.plannedDate, this.slotFrom, this.slotTo, this.shipmentsInOrder, this.plannedAt, newEta,
				newEtaOccurredAt, newLatestEventAt, newDeliveredAt, newProof, newWindow);
	}
}

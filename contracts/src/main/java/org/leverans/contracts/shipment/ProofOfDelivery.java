package org.leverans.contracts.shipment;

/** Who signed for a delivered shipment, and the receiver's or driver's note. */
public record ProofOfDelivery(String signedBy, String note) {
}
